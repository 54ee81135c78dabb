import { prisma } from "./db";
import { byName, liveSurveys, surveySelect } from "./survey-record";

export async function surveyPage(workspaceId: string, take: number) {
  return prisma.survey.findMany({
    where: { workspaceId, AND: [liveSurveys] },
    select: surveySelect,
    orderBy: byName,
    take,
  });
}
