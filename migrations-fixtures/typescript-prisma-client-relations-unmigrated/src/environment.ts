// The SDK's environment state: a workspace with its live surveys, read through the relations.
import { prisma } from "./db";

export async function environmentState(workspaceId: string) {
  return prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      surveys: {
        where: { status: "inProgress", archivedAt: null },
        orderBy: { name: "asc" },
        select: { id: true, name: true, questions: { where: { hidden: false }, select: { headline: true } } },
      },
      owner: { select: { email: true, deletedAt: true } },
      _count: { select: { surveys: { where: { archivedAt: null } } } },
    },
  });
}

export async function liveWorkspaces() {
  return prisma.workspace.findMany({
    where: {
      surveys: { some: { archivedAt: null } },
      owner: { is: { deletedAt: null } },
    },
    include: { surveys: { where: { archivedAt: { not: null } } } },
  });
}

export async function surveysOfActiveOwners() {
  return prisma.survey.findMany({ where: { workspace: { owner: { deletedAt: null } } }, select: { id: true } });
}

export async function createWithSurvey(name: string) {
  return prisma.workspace.create({
    data: { name, surveys: { create: [{ name: "Welcome", archivedAt: null }] } },
  });
}

// Relations selected whole, and keys no field of the related model names: not judged here
// (every field of a model is already required at its declaration in schema.prisma).
export async function whole(workspaceId: string) {
  return prisma.workspace.findUnique({
    where: { id: workspaceId },
    include: { surveys: true, owner: { select: { nickname: true } } },
  });
}
