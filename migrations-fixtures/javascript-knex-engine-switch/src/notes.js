// Reads and writes notes through Knex.
const config = require("./config");
const knex = require("knex")({ client: "pg", connection: config.db.connection });

async function listNotes() {
  return knex("notes")
    .select("id", "title", "body", "tags", "pinned", "archived_at", "archived", "created_at")
    .orderBy("updated_at", "desc");
}

async function pinNote(id) {
  await knex("notes").where({ id }).update({ pinned: true });
}

// Written for SQL Server: the column exists only where the mssql branch ran.
async function exportTags(id) {
  return knex("notes").select("tags_json").where({ id }).first();
}

async function legacyPin(id) {
  await knex("notes").where({ id }).update({ pinned_flag: 1 });
}

module.exports = { listNotes, pinNote, exportTags, legacyPin };
