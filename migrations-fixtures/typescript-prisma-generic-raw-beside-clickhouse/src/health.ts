import { Prisma, PrismaClient } from "@prisma/client";
import { clickhouseClient } from "./server";

const prisma = new PrismaClient();

// PostgreSQL, through Prisma with a row type the grammar reads as a generic.
export async function activeMonitors() {
  return prisma.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*)::bigint AS count FROM monitors WHERE status = 'ACTIVE' AND paused_at IS NULL`;
}

// ClickHouse: its own functions, its own tables.
export async function memory() {
  return clickhouseClient().query({
    query: `SELECT anyIf(value, metric = 'MemoryResident') AS resident FROM system.asynchronous_metrics WHERE database = currentDatabase()`,
  });
}

// The rows of VALUES are a fragment: nothing stands in for them, so the statement is not read.
export function complete(rows: Prisma.Sql[]) {
  return prisma.$executeRaw`
    UPDATE monitors AS m SET status = data.status, last_completed_at = data.done
    FROM (VALUES ${Prisma.join(rows)}) AS data(id, status, done)
    WHERE m.id = data.id`;
}
