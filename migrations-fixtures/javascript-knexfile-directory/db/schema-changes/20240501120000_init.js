// Tenants and the LLM results stored per tenant and prompt.
exports.up = async function (knex) {
  await knex.schema.createTable("tenants", (t) => {
    t.increments();
    t.text("name").notNullable();
  });
  await knex.schema.createTable("llm_results", (table) => {
    table.bigIncrements("id");
    table.integer("tenant_id").notNullable().references("id").inTable("tenants");
    table.string("prompt_hash", 64).notNullable();
    table.text("output").notNullable();
    table.integer("tokens_used").notNullable().defaultTo(0);
    table.timestamp("created_at").notNullable().defaultTo(knex.fn.now());
    table.unique(["tenant_id", "prompt_hash"]);
  });
};

exports.down = async function (knex) {
  await knex.schema.dropTable("llm_results");
  await knex.schema.dropTable("tenants");
};
