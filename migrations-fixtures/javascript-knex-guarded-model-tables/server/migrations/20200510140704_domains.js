const models = require("../models");

async function up(knex) {
  await models.createUserTable(knex);
  await models.createLinkTable(knex);

  const hasDescription = await knex.schema.hasColumn("links", "description");
  if (!hasDescription) {
    await knex.schema.alterTable("links", (table) => {
      table.string("description");
    });
  }
}

async function down() {}

module.exports = { up, down };
