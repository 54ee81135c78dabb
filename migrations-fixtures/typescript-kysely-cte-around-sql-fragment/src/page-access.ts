// Which restricted page is nearest above a page: a recursive CTE built with Kysely, and raw SQL
// fragments inside the chain that read the CTE by its SQL name.
import { Kysely, sql } from 'kysely';

export async function nearestRestricted(db: Kysely<any>, pageId: string) {
  return db
    .withRecursive('ancestors', (qb) =>
      qb
        .selectFrom('pages')
        .select(['pages.id as ancestorId', 'pages.parentPageId', sql<number>`0`.as('depth')])
        .where('pages.id', '=', pageId),
    )
    .selectFrom('pageAccess')
    .select('pageAccess.id')
    .where(
      'pageAccess.id',
      '=',
      sql<string>`(
        SELECT pa.id FROM ancestors a
        JOIN page_access pa ON pa.page_id = a.ancestor_id
        WHERE pa.restricted
        ORDER BY a.depth ASC
        LIMIT 1
      )`,
    )
    .executeTakeFirst();
}

export async function anyRestricted(db: Kysely<any>, pageId: string) {
  return db
    .withRecursive('allAncestors', (qb) => qb.selectFrom('pages').select('pages.id as pageId').where('pages.id', '=', pageId))
    .selectFrom('pages')
    .select('pages.id')
    .where(
      'pages.id',
      'in',
      sql<string>`(SELECT aa.page_id FROM all_ancestors aa JOIN page_access pa ON pa.page_id = aa.page_id WHERE pa.is_restricted)`,
    )
    .execute();
}

// Outside any chain the same fragment's relation is missing.
export async function strayFragment(db: Kysely<any>) {
  return sql`SELECT count(*) FROM ancestors`.execute(db);
}
