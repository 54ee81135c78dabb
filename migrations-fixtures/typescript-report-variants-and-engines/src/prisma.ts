import { PrismaClient } from '@prisma/client';
const client = new PrismaClient();
async function rawQuery(sql: string, params: object) {
  return client.$queryRawUnsafe(sql, params);
}
export default { rawQuery };
