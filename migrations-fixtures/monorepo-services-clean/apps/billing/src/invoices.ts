import { pool } from './db';

export async function issue(userId: number, amount: string) {
  const { rows } = await pool.query(
    'INSERT INTO invoices (user_id, amount) VALUES ($1, $2) RETURNING id, issued_at',
    [userId, amount],
  );
  return rows[0];
}

export async function recipients(plan: string) {
  const { rows } = await pool.query('SELECT id, billing_email FROM users WHERE plan = $1', [plan]);
  return rows;
}
