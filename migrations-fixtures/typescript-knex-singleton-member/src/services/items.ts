// Item lookups through the shared pool.
import db from '../db';

export async function listItems() {
    return db.knex('items').select('id', 'name', 'sku');
}

export async function visibleItems() {
    return db.knex.select('*').from('items').where({ ghost: 1 });
}

export async function bySku(sku: string) {
    return db
        .readOnly('items')
        .where({ sku })
        .first('id', 'name', 'price_cents');
}

export async function rename(id: number, name: string) {
    await db.knex.transaction(async (trx) => {
        await trx('items').where({ id }).update({ name, renamed_at: new Date() });
    });
}
