import prisma from './prisma';
import clickhouse from './clickhouse';
import { eventColumns } from './columns';

function orderBy(desc: boolean) {
  return desc ? 'order by website_event.created_at desc' : 'order by website_event.creatd_at';
}

export async function relationalQuery(type: string, desc: boolean) {
  const { rawQuery } = prisma;
  const column = type === 'path' ? 'url_path' : 'event_nme';
  return rawQuery(`select ${column}, count(*) from website_event where website_id = $1 group by 1 ${orderBy(desc)}`, {});
}

export async function cols() {
  const { rawQuery } = prisma;
  return rawQuery(`select ${eventColumns()} from website_event`, {});
}

export async function clickhouseQuery() {
  const { rawQuery } = clickhouse;
  return rawQuery(`select uniq(session_id) from website_event_stats_hourly where website_id = {websiteId:UUID}`, {});
}
