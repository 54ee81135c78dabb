import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("llm_results")
    .addColumn("model_version", "text", (col) => col.notNull().defaultTo("unknown"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("llm_results").dropColumn("model_version").execute();
}
