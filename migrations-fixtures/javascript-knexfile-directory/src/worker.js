// Summarises documents with an LLM and stores each result through Knex.
const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

async function saveResult(tenantId, promptHash, output, tokens) {
  const [row] = await knex("llm_results")
    .insert({ tenant_id: tenantId, prompt_hash: promptHash, output, tokens_used: tokens, model_version: "gpt-4o-2024-08-06" })
    .onConflict(["tenant_id", "prompt_hash"])
    .merge()
    .returning(["id", "created_at"]);
  return row.id;
}

async function recentResults(tenantId) {
  return knex("llm_results as r")
    .join("tenants as t", "t.id", "r.tenant_id")
    .select("r.id", "r.output", "r.model_version", "t.name as tenant")
    .where("r.tenant_id", tenantId)
    .orderBy("r.created_at", "desc")
    .limit(20);
}

module.exports = { saveResult, recentResults };
