// A data migration: the project's runner applies it between the schema migrations and records it
// in its own table.
import type { MigrationScript } from "../../src/migration-runner";

export const backfillSlugs: MigrationScript = {
  type: "data",
  name: "20240215120000_backfill_slugs",
  run: async ({ tx }) => {
    await tx.$executeRaw`UPDATE "Survey" SET "name" = trim("name")`;
  },
};
