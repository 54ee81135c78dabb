// The users table, created by the first migration through this helper.
async function createUserTable(knex) {
  const hasTable = await knex.schema.hasTable("users");
  if (!hasTable) {
    await knex.schema.createTable("users", (table) => {
      table.increments("id").primary();
      table.string("email").unique().notNullable();
      table.string("apikey");
      table.timestamps(false, true);
    });
  }
}

module.exports = { createUserTable };
