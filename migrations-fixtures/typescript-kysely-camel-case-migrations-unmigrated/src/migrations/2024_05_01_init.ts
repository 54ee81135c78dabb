import { Kysely, sql } from "kysely";

// Run through the app's Kysely instance, CamelCasePlugin included: createdAt becomes created_at.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("llmResults")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("tenantId", "integer", (col) => col.notNull())
    .addColumn("output", "text", (col) => col.notNull())
    .addColumn("createdAt", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("llmResults").execute();
}
