import { Kysely, sql } from 'kysely';

// Steps built at run time that change no table or column: a database setting, rows written with
// bound values, a constraint whose name is read from the catalog.
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ db: string }>`SELECT current_database() as db`.execute(db);
  const databaseName = rows[0].db;
  await sql.raw(`ALTER DATABASE "${databaseName}" SET search_path TO "$user", public`).execute(db);
  const defaultName = 'Default tenant';
  await sql`INSERT INTO tenants (name) SELECT ${defaultName} WHERE NOT EXISTS (SELECT 1 FROM tenants)`.execute(db);
  const pkey = await sql<{ constraint_name: string }>`SELECT constraint_name FROM information_schema.table_constraints
    WHERE table_name = 'llm_results' AND constraint_type = 'PRIMARY KEY'`.execute(db);
  const name = pkey.rows[0]?.constraint_name;
  if (name) {
    await sql`ALTER TABLE "llm_results" DROP CONSTRAINT ${sql.ref(name)};`.execute(db);
  }
  await sql`ALTER TABLE "llm_results" ADD CONSTRAINT "llm_results_pkey" PRIMARY KEY ("id")`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {}
