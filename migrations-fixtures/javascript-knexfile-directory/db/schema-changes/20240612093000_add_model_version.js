exports.up = async (knex) => {
  await knex.schema.alterTable("llm_results", (t) => {
    t.string("model_version").notNullable().defaultTo("unknown");
  });
  // Data, not schema: knex.raw() given to another call is a fragment, not a statement.
  await knex("llm_results").fromRaw(knex.raw("llm_results r")).update({ model_version: "gpt-4o" });
};

exports.down = (knex) =>
  knex.schema.alterTable("llm_results", (t) => {
    t.dropColumn("model_version");
  });
