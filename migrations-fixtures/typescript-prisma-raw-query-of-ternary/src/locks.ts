import { Prisma } from "@prisma/client";

// Each branch is a query of its own, checked where it is written; the call that runs the one
// chosen adds nothing to check.
export async function lockSiblings(tx: Prisma.TransactionClient, parentId: string | null) {
  const lockQuery = parentId
    ? Prisma.sql`SELECT "position" FROM "Shelf" WHERE "parentId" = ${parentId} FOR UPDATE`
    : Prisma.sql`SELECT "position" FROM "Shelf" WHERE "parentId" IS NULL FOR UPDATE`;
  return tx.$executeRaw(lockQuery);
}

// One branch is a query the caller passes: what runs is not known here.
export async function lockWith(tx: Prisma.TransactionClient, custom: Prisma.Sql | null) {
  const lockQuery = custom ? custom : Prisma.sql`SELECT "position" FROM "Shelf" FOR UPDATE`;
  return tx.$executeRaw(lockQuery);
}
