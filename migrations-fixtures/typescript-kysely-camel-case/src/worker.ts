// Summarises documents with an LLM and stores each result through Kysely.
import { db } from "./db";

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  return db
    .insertInto("llmResults")
    .values({ tenantId, promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" })
    .returning(["id", "createdAt"])
    .executeTakeFirstOrThrow();
}

export async function recentResults(tenantId: number) {
  return db
    .selectFrom("llmResults as r")
    .innerJoin("tenants as t", "t.id", "r.tenantId")
    .select(["r.id", "r.output", "r.modelVersion", "t.name as tenant"])
    .where("r.tenantId", "=", tenantId)
    .orderBy("r.createdAt", "desc")
    .limit(20)
    .execute();
}
