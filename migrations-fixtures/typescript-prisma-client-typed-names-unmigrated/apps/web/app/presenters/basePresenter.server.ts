import type { PrismaClientOrTransaction } from "@acme/database";
import { prisma, $replica } from "../db.server";

export class BasePresenter {
  constructor(
    protected readonly _prisma: PrismaClientOrTransaction = prisma,
    protected readonly _replica: PrismaClientOrTransaction = $replica
  ) {}
}
