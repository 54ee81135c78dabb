// Creates the users table on a database that has none; the first migrations call it.
async function createUserTable(knex) {
  const hasTable = await knex.schema.hasTable("users");
  if (!hasTable) {
    await knex.schema.createTable("users", (table) => {
      table.increments("id").primary();
      table.string("email").unique().notNullable();
      table.string("apikey");
      table.boolean("banned").notNullable().defaultTo(false);
      table.dateTime("verification_expires");
      table.timestamps(false, true);
    });
  }
}

module.exports = { createUserTable };
