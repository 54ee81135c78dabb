// The survey list's row: one select, shared by every page that lists surveys.
import { Prisma } from "@prisma/client";

export const surveySelect = {
  id: true,
  name: true,
  archivedAt: true,
  workspace: { select: { name: true } },
} satisfies Prisma.SurveySelect;

export const liveSurveys: Prisma.SurveyWhereInput = { archivedAt: null };

export const byName = [{ name: "asc" }] as const;
