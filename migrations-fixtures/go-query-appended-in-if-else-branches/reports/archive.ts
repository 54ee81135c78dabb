import { Pool } from "pg";

export async function archivedTitles(pool: Pool, shopId: number, recentFirst: boolean) {
  let text = "SELECT title FROM archived_products WHERE shop_id = $1";
  if (recentFirst) {
    text += " ORDER BY archived_at DESC";
  } else {
    text += " ORDER BY title";
  }
  const { rows } = await pool.query(text, [shopId]);
  return rows;
}
