import { knex, Knex } from 'knex';

// The application's name for its Knex instance: models reach it through their `db` getter.
export type DbConnection = Knex;

export const connectDb = (url: string): DbConnection => knex({ client: 'pg', connection: url });
