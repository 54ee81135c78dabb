import { pool } from './db';

// The billing database has no orders: they live in the orders service's database.
export async function revenueByUser() {
  const { rows } = await pool.query(
    'SELECT u.id, u.email, sum(o.total) AS revenue FROM orders o JOIN users u ON u.id = o.user_id GROUP BY u.id, u.email',
  );
  return rows;
}
