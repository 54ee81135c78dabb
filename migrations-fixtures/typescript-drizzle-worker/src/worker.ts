// Summarises documents with an LLM and stores each result through Drizzle.
import { drizzle } from "drizzle-orm/node-postgres";
import { eq, sql } from "drizzle-orm";
import { llmResults, usageEvents } from "./db/schema";

const db = drizzle(process.env.DATABASE_URL!);

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  const [row] = await db
    .insert(llmResults)
    .values({ tenantId, provider: "openai", promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" })
    .returning();
  await db.insert(usageEvents).values({ tenant_id: tenantId, tokens });
  return row.id;
}

export async function resultsOf(tenantId: number) {
  return db.select().from(llmResults).where(eq(llmResults.tenantId, tenantId));
}

export async function monthlyTokens(tenantId: number) {
  return db.execute(sql`SELECT sum(tokens) AS n FROM audit.usage_events WHERE tenant_id = ${tenantId}`);
}
