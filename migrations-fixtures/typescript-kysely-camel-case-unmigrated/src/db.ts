import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import type { DB } from "./types";

// The code writes camelCase; the database has snake_case.
export const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new Pool() }),
  plugins: [new CamelCasePlugin()],
});
