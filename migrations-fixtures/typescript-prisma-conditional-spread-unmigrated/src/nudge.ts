import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// The field nudgeCount is in the Prisma schema, but no migration adds its column yet.
export async function nudge(id: number, restart: boolean) {
  await prisma.invitee.update({
    where: { id },
    data: {
      nudgedAt: new Date(),
      // Written when restart holds: either branch's keys are fields the update may write.
      ...(restart ? { nudgeCount: 0 } : {}),
    },
  });
}

export async function stale(since: Date, counted: boolean) {
  return prisma.invitee.findMany({
    where: { ...(counted ? { nudgeCount: { gt: 2 } } : { nudgedAt: { lt: since } }) },
  });
}
