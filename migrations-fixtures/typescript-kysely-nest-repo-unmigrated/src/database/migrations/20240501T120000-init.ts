import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tenants")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("llm_results")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("tenant_id", "bigint", (col) => col.notNull().references("tenants.id"))
    .addColumn("prompt_hash", "text", (col) => col.notNull())
    .addColumn("output", "text", (col) => col.notNull())
    .addColumn("tokens_used", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("llm_results_prompt_hash_unique", ["prompt_hash"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("llm_results").execute();
  await db.schema.dropTable("tenants").execute();
}
