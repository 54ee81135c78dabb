import { rawQuery } from '../lib/db';

export function getWebsite(websiteId: string) {
  return rawQuery(
    `select website_id, name, domain from website where website_id = {{websiteId::uuid}}`,
    { websiteId },
  );
}

export function getWebsiteNames() {
  return rawQuery(`select name, created_at from website order by created_at`, {});
}
