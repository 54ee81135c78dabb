import { Kysely, sql } from 'kysely';

// Kysely runs a raw statement with .execute(db): db is the handle, the template is the SQL.
export class MaintenanceRepository {
  constructor(private db: Kysely<any>) {}

  async names() {
    const { rows } = await sql<{ name: string }>`SELECT name FROM users ORDER BY name`.execute(this.db);
    return rows;
  }

  async vacuum(table: string) {
    await sql`VACUUM ANALYZE ${sql.raw(table)}`.execute(this.db);
  }

  async reindex(statement: string) {
    await this.db.transaction().execute(async (tx) => {
      await sql.raw(statement).execute(tx);
      await sql`SELECT email FROM users`.execute(tx);
    });
  }
}
