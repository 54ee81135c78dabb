import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export async function activeSurveys() {
  return prisma.$queryRaw`SELECT "id", "slug" FROM "Survey" WHERE "archived" = false ORDER BY "createdAt"`;
}
