// Pinned notes. SQL Server has no boolean type; the other engines share one branch.
const config = require("../src/config");

exports.up = (knex) =>
  knex.schema.alterTable("notes", (t) => {
    switch (config.db.client) {
      case "mssql": {
        t.specificType("pinned_flag", "BIT").notNullable().defaultTo(0);
        break;
      }
      case "sqlite3":
        t.integer("pinned").notNullable().defaultTo(0);
        break;
      default:
        t.boolean("pinned").notNullable().defaultTo(false);
    }
    // Not a branch on the engine: read as before, every case.
    switch (config.features.archive) {
      case "soft":
        t.timestamp("archived_at");
        break;
      case "hard":
        t.boolean("archived");
        break;
    }
  });

exports.down = (knex) =>
  knex.schema.alterTable("notes", (t) => {
    t.dropColumn("pinned");
  });
