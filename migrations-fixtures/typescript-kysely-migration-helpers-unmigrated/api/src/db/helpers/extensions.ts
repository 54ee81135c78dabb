import { Kysely, sql } from 'kysely';

const CANDIDATES = ['vchord', 'vector'];
let chosen: string | undefined;

// Which vector extension the server offers: a read of the catalog, nothing created.
export async function pickVectorExtension(conn: Kysely<any>): Promise<string> {
  if (chosen) {
    return chosen;
  }
  const lookup = `SELECT name FROM pg_available_extensions WHERE name IN (${CANDIDATES.map((c) => `'${c}'`).join(', ')})`;
  const { rows } = await sql.raw<{ name: string }>(lookup).execute(conn);
  chosen = CANDIDATES.find((c) => rows.some((r) => r.name === c));
  if (!chosen) {
    throw new Error('no vector extension available');
  }
  return chosen;
}
