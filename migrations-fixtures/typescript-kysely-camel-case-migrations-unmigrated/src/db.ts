import { CamelCasePlugin, Kysely, Migrator, FileMigrationProvider, PostgresDialect } from "kysely";
import { promises as fs } from "fs";
import * as path from "path";
import { Pool } from "pg";

export const db = new Kysely<any>({
  dialect: new PostgresDialect({ pool: new Pool() }),
  plugins: [new CamelCasePlugin()],
});

export const migrator = new Migrator({
  db,
  provider: new FileMigrationProvider({ fs, path, migrationFolder: path.join(__dirname, "migrations") }),
});
