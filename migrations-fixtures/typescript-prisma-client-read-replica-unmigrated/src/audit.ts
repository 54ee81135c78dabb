// Reports read from the replica, as @prisma/extension-read-replicas gives it.
import { Effect } from "effect";
import prisma from "./prisma";

const replica = prisma.$replica();

export async function archivedCount() {
  return replica.survey.count({ where: { archivedAt: { not: null } } });
}

export async function liveSurveys() {
  return prisma.$replica().survey.findMany({ where: { archivedAt: null }, select: { id: true } });
}

export const audit = Effect.gen(function* () {
  const fromReplica = yield* Effect.try({ try: () => prisma.$replica(), catch: (cause) => new Error(String(cause)) });
  return yield* Effect.promise(() => fromReplica.survey.findMany({ select: { id: true, archivedAt: true } }));
});

// A name that holds a replica in one place and something else in another: not judged.
export function twice(other: { survey: { findMany(a: object): unknown } }) {
  {
    const db = prisma.$replica();
    void db;
  }
  const db = other;
  return db.survey.findMany({ where: { archivedAt: null } });
}
