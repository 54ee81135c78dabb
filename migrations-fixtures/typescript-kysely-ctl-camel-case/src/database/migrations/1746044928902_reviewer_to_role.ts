import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('member').addColumn('roleName', 'text').execute()
  // Through the config's CamelCasePlugin: isReviewer is is_reviewer, which the first migration created.
  await db.schema.alterTable('member').dropColumn('isReviewer').execute()
}
