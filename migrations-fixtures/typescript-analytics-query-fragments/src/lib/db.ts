import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// {{name}} placeholders become $1, $2, ... in the order they appear.
export async function rawQuery(sql: string, data: Record<string, unknown>) {
  const params: unknown[] = [];
  const query = sql.replaceAll(/\{\{\s*(\w+)(::\w+)?\s*}}/g, (_m, name: string, type?: string) => {
    params.push(data[name]);
    return `$${params.length}${type ?? ''}`;
  });
  return prisma.$queryRawUnsafe(query, ...params);
}
