async function createLinkTable(knex) {
  if (!(await knex.schema.hasTable("links"))) {
    await knex.schema.createTable("links", (table) => {
      table.increments("id").primary();
      table.string("address").notNullable();
      table.integer("user_id").unsigned().references("id").inTable("users").onDelete("CASCADE");
      table.integer("visit_count").notNullable().defaultTo(0);
      table.timestamps(false, true);
    });
  }
}

module.exports = { createLinkTable };
