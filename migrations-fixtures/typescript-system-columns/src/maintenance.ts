import { Pool } from "pg";

const pool = new Pool();

// Deletes in batches: PostgreSQL has no DELETE ... LIMIT, so pick rows by their physical id.
export async function pruneAttempts(before: Date, batch: number): Promise<number> {
  const res = await pool.query(
    `DELETE FROM login_attempts
     WHERE ctid IN (SELECT ctid FROM login_attempts WHERE attempted_at < $1 LIMIT $2)`,
    [before, batch],
  );
  return res.rowCount ?? 0;
}

// xmax is 0 for a freshly inserted row and non-zero when ON CONFLICT updated an existing one.
export async function bump(name: string): Promise<boolean> {
  const res = await pool.query(
    `INSERT INTO counters (name, value) VALUES ($1, 1)
     ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
     RETURNING (xmax = 0) AS inserted, tableoid::regclass AS stored_in`,
    [name],
  );
  return res.rows[0].inserted;
}

// A view has no system columns: PostgreSQL answers 42703 here.
export async function recentIds(): Promise<string[]> {
  const res = await pool.query("SELECT ctid, email FROM recent_attempts");
  return res.rows.map((r) => r.email);
}

// The subquery searches login_attempts twice (its own FROM and the DELETE's target).
export async function pruneByDevice(device: string): Promise<void> {
  await pool.query(
    `DELETE FROM login_attempts WHERE id IN (SELECT id FROM login_attempts WHERE device = $1)`,
    [device],
  );
}
