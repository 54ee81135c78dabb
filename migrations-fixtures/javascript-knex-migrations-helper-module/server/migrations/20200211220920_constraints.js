const models = require("../models");

async function up(knex) {
  await models.createUserTable(knex);
}

async function down() {}

module.exports = { up, down };
