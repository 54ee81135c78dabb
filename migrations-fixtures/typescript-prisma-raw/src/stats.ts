import { Prisma, PrismaClient, Role } from '@prisma/client';

const prisma = new PrismaClient();

type AuthorStats = { authorId: string; posts: bigint; lastPost: Date };

export async function authorStats(since: Date): Promise<AuthorStats[]> {
  return prisma.$queryRaw<AuthorStats[]>`
    SELECT p."authorId", count(*) AS posts, max(p."createdAt") AS "lastPost"
    FROM "Post" p
    WHERE p."createdAt" >= ${since} AND p.status = 'PUBLISHED'::"PostStatus"
    GROUP BY p."authorId"
    ORDER BY posts DESC
  `;
}

export async function recentSignups(since: Date) {
  return prisma.$queryRaw`SELECT id, email FROM "User" WHERE createdAt > ${since}`;
}

export async function editors() {
  return prisma.$queryRaw`SELECT "id", "email" FROM "User" WHERE "role" = ${Role.EDITOR}::"Role"`;
}

export async function publishedCount(authorId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Post" WHERE "authorId" = ${authorId} AND "published" = true
  `;
  return Number(rows[0].n);
}

export async function excerpt(postId: number) {
  return prisma.$queryRaw`SELECT left("body", 200) AS excerpt FROM "Post" WHERE id = ${postId}`;
}

export async function archiveOld(before: Date) {
  return prisma.$executeRaw`UPDATE "Post" SET status = 'ARCHIVED' WHERE "createdAt" < ${before}`;
}

export async function byIds(ids: number[]) {
  return prisma.$queryRaw`SELECT id, title FROM "Post" WHERE id IN (${Prisma.join(ids)})`;
}

export async function sortedBy(column: string) {
  return prisma.$queryRawUnsafe(`SELECT id, title FROM "Post" ORDER BY "${column}"`);
}
