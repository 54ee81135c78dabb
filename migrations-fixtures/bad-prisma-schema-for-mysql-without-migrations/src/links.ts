import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export const byUrl = (url: string) => prisma.link.findFirst({ where: { url } });
