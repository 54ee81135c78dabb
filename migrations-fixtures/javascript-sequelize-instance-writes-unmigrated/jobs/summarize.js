// Re-runs a summary with a newer model and records which model wrote it.
const { LlmResult, Tenant } = require("../models");

async function resummarize(id, model, llm) {
  const result = await LlmResult.findByPk(id);
  result.output = await llm.complete(result.promptHash);
  result.tokens = llm.lastTokens;
  result.modelVersion = model;
  result.summary = "recomputed"; // a VIRTUAL attribute: no column
  await result.save();
}

async function upgrade(tenantId) {
  const tenant = await Tenant.findOne({ where: { id: tenantId } });
  await tenant.update({ plan: "pro" });
}

async function draft(output) {
  // Built and never saved: nothing is written.
  const pending = LlmResult.build({ output });
  pending.set({ modelVersion: "draft" });
  return pending;
}

async function latest(tenantId, other) {
  // Rebound: which instance is saved cannot be told here.
  let row = await LlmResult.findOne({ where: { tenantId } });
  if (!row) row = other;
  row.modelVersion = "unknown";
  await row.save();
}

module.exports = { resummarize, upgrade, draft, latest };
