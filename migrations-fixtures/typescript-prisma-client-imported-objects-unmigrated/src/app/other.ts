import { prisma } from "@/lib/db";
import { surveySelect } from "@/lib/survey-record";

// A parameter of the imported name is another object: not judged.
export async function withSelect(surveySelect: { id: true }) {
  return prisma.survey.findMany({ select: surveySelect });
}
