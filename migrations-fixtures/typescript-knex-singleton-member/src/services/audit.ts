// Audit records, written with the connection the caller holds (the namespace-qualified type of
// `import knex from 'knex'`).
import knex from 'knex';

import { database } from '../db';

export async function record(conn: knex.Knex, actor: string, action: string) {
    await conn('audit_log').insert({ actor, action, severity: 'info' });
}

export class AuditReader {
    private db: knex.Knex;

    constructor(db: knex.Knex) {
        this.db = db;
    }

    async latest() {
        return this.db('audit_log').select('id', 'actor', 'action', 'ip_address').orderBy('at', 'desc');
    }
}

export async function count() {
    return database.knex.from('audit_log').count('id as n');
}
