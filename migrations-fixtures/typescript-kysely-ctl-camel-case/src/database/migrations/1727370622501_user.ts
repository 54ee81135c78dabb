import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('displayName', 'text', (col) => col.notNull())
    .addColumn('is_reviewer', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute()
}
