// Summarises documents with an LLM and stores each result through Prisma.
import { PrismaClient, Provider } from "@prisma/client";

const prisma = new PrismaClient();

export async function saveResult(tenantId: number, promptHash: string, output: string, tokens: number) {
  const result = await prisma.llmResult.create({
    data: { tenantId, provider: Provider.OPENAI, promptHash, output, tokensUsed: tokens, modelVersion: "gpt-4o-2024-08-06" },
  });
  await prisma.usageEvent.create({ data: { tenantId, tokens } });
  return result.id;
}

export async function monthlyTokens(tenantId: number) {
  return prisma.$queryRaw`SELECT sum(tokens) AS n FROM audit.usage_events WHERE tenant_id = ${tenantId}`;
}
