// Summarises documents with an LLM and stores each result with node-postgres.
const { Pool } = require("pg");
const pool = new Pool();

async function saveResult(tenantId, promptHash, output, tokens) {
  const { rows } = await pool.query(
    'INSERT INTO llm_results (tenant_id, prompt_hash, output, tokens_used, model_version, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, now(), now()) RETURNING id',
    [tenantId, promptHash, output, tokens, "gpt-4o-2024-08-06"],
  );
  return rows[0].id;
}

async function recentResults(tenantId) {
  const { rows } = await pool.query(
    'SELECT r.id, r.output, r.model_version, t.name AS tenant FROM llm_results r JOIN "Tenants" t ON t.id = r.tenant_id WHERE r.tenant_id = $1 ORDER BY r."createdAt" DESC LIMIT 20',
    [tenantId],
  );
  return rows;
}

module.exports = { saveResult, recentResults };
