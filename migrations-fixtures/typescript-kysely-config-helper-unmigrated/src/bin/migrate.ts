import { FileMigrationProvider, Kysely, Migrator } from "kysely";
import { promises as fs } from "node:fs";
import path from "node:path";
import { getKyselyConfig } from "../database";

export async function migrate(url: string) {
  const db = new Kysely<any>(getKyselyConfig(url));
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: path.join(__dirname, "../migrations") }),
  });
  await migrator.migrateToLatest();
}
