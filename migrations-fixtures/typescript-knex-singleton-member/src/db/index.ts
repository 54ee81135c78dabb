// One connection pool for the service, created once and shared by every module.
import knex from 'knex';

import type { Knex } from 'knex';

export class Database {
    knex: Knex;
    readOnly: Knex;

    constructor() {
        this.knex = knex({ client: 'pg', connection: process.env['DATABASE_URL'] });
        this.readOnly = process.env['DATABASE_READ_URL'] ? knex({ client: 'pg', connection: process.env['DATABASE_READ_URL'] }) : this.knex;
    }

    async destroy(): Promise<void> {
        await this.knex.destroy();
    }
}

const db = new Database();

export default db;

export { db as database };

export const recentItems = () => db.knex.select('id', 'name').from('items').orderBy('created_at', 'desc').limit(10);
