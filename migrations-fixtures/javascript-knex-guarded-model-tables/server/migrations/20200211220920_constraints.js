const models = require("../models");

async function up(knex) {
  await models.createUserTable(knex);
  await models.createLinkTable(knex);
}

async function down() {}

module.exports = { up, down };
