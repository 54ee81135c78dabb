import { rawQuery } from '../lib/db';
import { WEBSITE_COLUMNS } from '@/lib/columns';

export async function getWebsite(websiteId: string) {
  return rawQuery(`select ${WEBSITE_COLUMNS} from website where website_id = {{websiteId::uuid}}`, { websiteId });
}

export async function activeWebsites(sinceQuery: string) {
  return rawQuery(
    `select website.website_id, count(*) as events
     from website
     join website_event on website_event.website_id = website.website_id
     where website.deleted_at is null ${sinceQuery}
     group by 1`,
    {},
  );
}
