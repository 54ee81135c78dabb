// Invoice queries through Knex.
const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

async function openInvoices() {
  return knex("invoices")
    .select("id", "number", "memo", "total", "currency", "external_id", "status")
    .whereNot({ status: "paid" });
}

async function demoLabels() {
  return knex("demo_invoices").select("label");
}

// Kept from the SQL Server edition: only that branch adds the column.
async function byLegacyRef(ref) {
  return knex("invoices").where({ legacy_ref: ref }).first();
}

module.exports = { openInvoices, demoLabels, byLegacyRef };
