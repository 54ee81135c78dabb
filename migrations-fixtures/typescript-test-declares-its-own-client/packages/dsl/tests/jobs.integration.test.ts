import postgres from "postgres";

const sql = postgres(process.env.TEST_DATABASE_URL!);

export async function oldestJob() {
  const rows = await sql.unsafe("SELECT id, kind, attempts FROM jobs ORDER BY queued_at LIMIT 1");
  return rows[0];
}
