// Notes, on whichever database the installation chose: the same migrations serve PostgreSQL,
// SQL Server and MySQL, and branch on the configured client where their SQL differs.
const config = require("../src/config");

exports.up = async function (knex) {
  await knex.schema.createTable("notes", (t) => {
    t.increments();
    t.string("title").notNullable();
    switch (config.db.client) {
      case "pg":
      case "postgres":
        t.text("body");
        t.jsonb("tags").notNullable().defaultTo("[]");
        break;
      case "mssql":
        t.specificType("body", "NVARCHAR(max)");
        t.specificType("tags_json", "NVARCHAR(max)");
        break;
      default:
        t.specificType("body", "LONGTEXT");
        t.json("tags");
    }
    t.timestamps(true, true);
  });

  switch (config.db.client) {
    case "mssql":
      await knex.raw("UPDATE TOP (100) notes SET title = N'' WHERE title IS NULL");
      break;
    case "mysql":
    case "mariadb":
      await knex.raw("ALTER TABLE notes MODIFY title VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL");
      break;
    default:
      await knex.raw("CREATE INDEX notes_title_lower ON notes (lower(title))");
  }
};

exports.down = (knex) => knex.schema.dropTable("notes");
