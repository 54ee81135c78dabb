import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("llmResults").addColumn("modelVersion", "text", (col) => col.notNull().defaultTo("unknown")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("llmResults").dropColumn("modelVersion").execute();
}
