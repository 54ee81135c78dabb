import { Pool } from "pg";

const pool = new Pool();

export interface ResultRow {
  id: number;
  provider: string;
  output: string;
  created_at: Date;
}

export async function latestResults(tenantId: number, limit = 20): Promise<ResultRow[]> {
  const { rows } = await pool.query<ResultRow>(
    `SELECT r.id, r.provider, r.output, r.created_at
       FROM llm_results r
       JOIN tenants t ON t.id = r.tenant_id
      WHERE t.id = $1
      ORDER BY r.created_at DESC
      LIMIT $2`,
    [tenantId, limit],
  );
  return rows;
}

export async function tokensByProvider(tenantId: number) {
  const { rows } = await pool.query(
    "SELECT provider, sum(tokens_used) AS tokens FROM llm_results WHERE tenant_id = $1 GROUP BY provider ORDER BY tokens DESC",
    [tenantId],
  );
  return rows;
}
