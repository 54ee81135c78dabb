// Per-group concurrency overrides. The table name is declared once, here, and the migration that
// creates the table imports it.
import type { Knex } from 'knex';

export const GROUP_OVERRIDES_TABLE = 'group_overrides';

export interface GroupOverride {
    group_key: string;
    max_concurrency: number;
}

export async function upsert(db: Knex, override: GroupOverride): Promise<void> {
    await db(GROUP_OVERRIDES_TABLE)
        .insert({ ...override, updated_at: db.fn.now() })
        .onConflict('group_key')
        .merge(['max_concurrency', 'updated_at']);
}

export async function get(db: Knex, groupKey: string): Promise<GroupOverride | undefined> {
    return db(GROUP_OVERRIDES_TABLE).select('group_key', 'max_concurrency', 'max_tasks').where('group_key', groupKey).first();
}
