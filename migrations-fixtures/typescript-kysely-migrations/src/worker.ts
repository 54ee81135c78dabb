// Summarises documents with an LLM and stores each result through Kysely.
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import type { DB } from "./types";

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  return db
    .insertInto("llm_results")
    .values({ tenant_id: tenantId, prompt_hash: promptHash, output, tokens_used: tokens, model_version: "gpt-4o-2024-08-06" })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function recentResults(tenantId: number) {
  return db
    .selectFrom("llm_results as r")
    .innerJoin("tenants as t", "t.id", "r.tenant_id")
    .select(["r.id", "r.output", "r.model_version", "t.name as tenant"])
    .where("r.tenant_id", "=", tenantId)
    .orderBy("r.created_at", "desc")
    .limit(20)
    .execute();
}
