// The login worker records each login; the migration that adds users.last_login_at was never written.
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

export class SessionService {
  constructor(private readonly prisma: PrismaClient) {}

  async staleAdmins(since: Date) {
    return this.prisma.user.findMany({
      where: { role: "ADMIN", OR: [{ lastLoginAt: null }, { lastLoginAt: { lt: since } }], posts: { some: { title: "x" } } },
      select: { id: true, email: true, posts: { select: { title: true } }, _count: true },
      orderBy: [{ email: "asc" }],
    });
  }

  async login(email: string, tenantId: number) {
    return client.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email_tenantId: { email, tenantId } } });
      return tx.user.update({ where: { id: user!.id }, data: { lastLoginAt: new Date(), posts: { create: { title: "hello" } } } });
    });
  }
}

// Not a Prisma client: not judged.
export async function other(db: { user: { findMany(a: object): unknown } }) {
  return db.user.findMany({ where: { nickname: "x" } });
}
