import { Pool } from "pg";

const pool = new Pool();

export async function openInvoices(accountId: number) {
  const { rows } = await pool.query(
    "SELECT id, total_cents, status FROM invoices WHERE account_id = $1 AND status = 'open'",
    [accountId],
  );
  return rows;
}

export async function markPaid(id: number) {
  await pool.query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1", [id]);
}
