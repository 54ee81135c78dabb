import { PrismaClient } from "@prisma/client";
import type { PrismaClientOrTransaction, MaybeClient } from "@acme/database";

export async function pauseAll(db: PrismaClientOrTransaction) {
  return db.queue.updateMany({ where: { limitPercent: null }, data: { paused: true } });
}

export class QueueService {
  constructor(private readonly _prisma: PrismaClient) {}

  async override(id: string, percent: number) {
    return this._prisma.queue.update({ where: { id }, data: { limitPercent: percent } });
  }
}

export async function rename(prismaClient: PrismaClient, id: string, name: string) {
  return prismaClient.queue.update({ where: { id }, data: { name } });
}

// Not certain to be a client: not read.
export async function maybe(client: MaybeClient) {
  return client?.queue.findMany({ where: { limitPercent: 5 } });
}
