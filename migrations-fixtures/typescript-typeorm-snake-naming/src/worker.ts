// Summarises documents with an LLM and stores each result through TypeORM.
import { dataSource } from "./data-source";
import { LlmResult } from "./entities/llm-result";
import { Tenant } from "./entities/tenant";

export async function saveResult(tenant: Tenant, promptHash: string, output: string, tokens: number) {
  return dataSource.getRepository(LlmResult).save({ tenant, promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" });
}
