// Through the path alias `@/*` -> `src/*` of tsconfig.json.
import { prisma } from "@/lib/db";
import { surveySelect as rowSelect } from "@/lib/survey-record";
import { summarySelect } from "@/summary";

export async function archived(workspaceId: string) {
  return prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { surveys: { select: rowSelect } },
  });
}

// Two modules export a summarySelect that `@/summary` may name: not judged.
export async function summaries() {
  return prisma.survey.findMany({ select: summarySelect });
}
