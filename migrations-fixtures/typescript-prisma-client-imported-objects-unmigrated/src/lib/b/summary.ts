import type { Prisma } from "@prisma/client";

export const summarySelect = { id: true, archivedAt: true } satisfies Prisma.SurveySelect;
