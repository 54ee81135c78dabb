import { Pool } from "pg";

const pool = new Pool();

// The inner query is built by another layer; its columns are not known here.
export async function totals(scopeSql: string) {
  const { rows } = await pool.query(
    `SELECT c.name, SUM(e.amount) AS total, s.kind
       FROM (${scopeSql}) s
       JOIN entries e ON e.entryable_id = s.id
       LEFT JOIN categories c ON c.id = s.category_id
      WHERE e.excluded = false AND e.posted_on IS NOT NULL
      GROUP BY c.name, s.kind`,
  );
  return rows;
}

export async function counts(scopeSql: string) {
  const { rows } = await pool.query(`SELECT count(*) FROM (${scopeSql}) AS inner_scope WHERE inner_scope.kind = 'x'`);
  return rows;
}
