import { Kysely, sql } from "kysely";

// Reads the live schema from PostgreSQL's catalogs to compare it with the declared one.
export async function listIndexes(db: Kysely<any>, schemaName: string) {
  return db
    .selectFrom("pg_index as ix")
    .innerJoin("pg_class as i", "ix.indexrelid", "i.oid")
    .innerJoin("pg_class as t", "ix.indrelid", "t.oid")
    .innerJoin("pg_namespace", "pg_namespace.oid", "i.relnamespace")
    .where("pg_namespace.nspname", "=", schemaName)
    .select(["i.relname as index_name", "t.relname as table_name", "ix.indisunique as unique"])
    .execute();
}

export async function listColumns(db: Kysely<any>, schemaName: string) {
  return db
    .selectFrom("information_schema.columns as c")
    .leftJoin("pg_type as ty", "ty.typname", "c.udt_name")
    .select(["c.table_name", "c.column_name", "ty.typtype"])
    .where("c.table_schema", "=", schemaName)
    .execute();
}

export async function recentPhotos(db: Kysely<any>, ownerId: string) {
  return db.selectFrom("photos").select(["id", "taken_at"]).where("owner_id", "=", ownerId).execute();
}

// A function of the extension the first migration installs under a run-time name.
export async function upgradeVectors(db: Kysely<any>) {
  await sql`SELECT vectors_upgrade()`.execute(db);
}
