import { Kysely, sql } from "kysely";

// The vector extension is chosen by the operator: its name is only known at run time.
const vectorExtension = process.env.VECTOR_EXTENSION ?? "vector";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS ${sql.raw(vectorExtension)} CASCADE`.execute(db);

  await db.schema
    .createTable("photos")
    .addColumn("id", "uuid", (col) => col.primaryKey())
    .addColumn("owner_id", "uuid", (col) => col.notNull())
    .addColumn("taken_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("photos").execute();
}
