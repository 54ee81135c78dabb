// The migrations run through an instance of their own, without the plugin: they spell every
// name in snake case.
import * as path from "path";
import { promises as fs } from "fs";
import { FileMigrationProvider, Kysely, Migrator, PostgresDialect } from "kysely";
import { Pool } from "pg";

const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

const migrator = new Migrator({
  db,
  provider: new FileMigrationProvider({ fs, path, migrationFolder: path.join(__dirname, "migrations") }),
});

migrator.migrateToLatest().then(() => db.destroy());
