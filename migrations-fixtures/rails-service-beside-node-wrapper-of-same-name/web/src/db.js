import { pool } from "./pool";

export async function lookup(sql, params) {
  const result = await pool.query(sql, params);
  return result.rows;
}
