// Summarises documents with an LLM and stores each result through Drizzle.
import { eq, sql } from "drizzle-orm";
import { db } from "./db";
import { llmResults, usageEvents } from "./db/schema";

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  const [row] = await db
    .insert(llmResults)
    .values({ tenantId, provider: "openai", promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" })
    .returning();
  await db.insert(usageEvents).values({ tenantId, tokens });
  return row.id;
}

export async function resultsOf(tenantId: number) {
  return db.select().from(llmResults).where(eq(llmResults.tenantId, tenantId));
}
