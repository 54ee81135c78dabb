// Every migration is written: each field these calls name, through relations, imports and the
// replica, is a column of its table.
import { prisma } from "./db";
import { surveySelect } from "./survey-record";

const replica = prisma.$replica();

export async function workspaceSurveys(workspaceId: string) {
  return prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { surveys: { where: { archivedAt: null }, select: surveySelect } },
  });
}

export async function ownersSurveys() {
  return replica.survey.findMany({
    where: { workspace: { owner: { is: { deletedAt: null } } }, questions: { none: { hidden: true } } },
    select: { id: true },
  });
}
