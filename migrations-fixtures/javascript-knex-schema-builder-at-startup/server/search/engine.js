// The search index is the search module's own table: it makes it when it starts, not a migration.
const app = require("../db");

async function init() {
  if (!(await app.models.knex.schema.hasTable("search_terms"))) {
    await app.models.knex.schema.createTable("search_terms", (t) => {
      t.increments("id");
      t.integer("page_id");
      t.text("term");
    });
  }
}

async function find(term) {
  return app.models.knex.raw(`SELECT page_id FROM "search_terms" WHERE term = ?`, [term]);
}

async function titles() {
  // No migration and no code makes page_titles.
  return app.models.knex.raw(`SELECT title FROM page_titles`);
}

module.exports = { init, find, titles };
