export * from './prisma.service';
export { Prisma } from '@prisma/client';
