import { GROUP_OVERRIDES_TABLE } from '../../models/groupOverrides.js';

import type { Knex } from 'knex';

const INDEX = 'idx_group_overrides_updated_at';

export async function up(knex: Knex): Promise<void> {
    await knex.raw(`
        CREATE TABLE IF NOT EXISTS ${GROUP_OVERRIDES_TABLE} (
            group_key       VARCHAR(255) PRIMARY KEY,
            max_concurrency INT NOT NULL CHECK (max_concurrency > 0),
            created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
        )
    `);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${INDEX} ON ${GROUP_OVERRIDES_TABLE} (updated_at)`);
}

export async function down(knex: Knex): Promise<void> {
    await knex.raw(`DROP TABLE IF EXISTS ${GROUP_OVERRIDES_TABLE}`);
}
