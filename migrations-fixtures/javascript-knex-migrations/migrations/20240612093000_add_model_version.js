exports.up = (knex) =>
  knex.schema.alterTable("llm_results", (t) => {
    t.string("model_version").notNullable().defaultTo("unknown");
  });

exports.down = (knex) =>
  knex.schema.alterTable("llm_results", (t) => {
    t.dropColumn("model_version");
  });
