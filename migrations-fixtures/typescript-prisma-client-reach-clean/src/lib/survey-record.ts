import type { Prisma } from "@prisma/client";

export const surveySelect = {
  id: true,
  archivedAt: true,
  workspace: { select: { name: true, owner: { select: { deletedAt: true } } } },
} satisfies Prisma.SurveySelect;
