// Summarises documents with an LLM and stores each result through TypeORM.
import { DataSource } from "typeorm";
import { LlmResult } from "./entities/llm-result";
import { Tenant } from "./entities/tenant";

const db = new DataSource({ type: "postgres", url: process.env.DATABASE_URL, entities: [LlmResult, Tenant] });

export async function saveResult(tenant: Tenant, promptHash: string, output: string, tokens: number) {
  return db.getRepository(LlmResult).save({ tenant, promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" });
}
