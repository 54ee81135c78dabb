import { Pool } from "pg";

const pool = new Pool();

export async function dueReminders(userId: number) {
  const { rows } = await pool.query("SELECT id, due_at, note FROM reminders WHERE user_id = $1 ORDER BY due_at", [userId]);
  return rows;
}
