import type { Knex } from 'knex';

// Every store takes the connection or a transaction.
export type Db = Knex | Knex.Transaction;

// Not every member is a Knex type: no instance.
export type MaybeDb = Knex | { (table: string): unknown };
