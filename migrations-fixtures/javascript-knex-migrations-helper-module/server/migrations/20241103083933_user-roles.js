async function up(knex) {
  const hasRole = await knex.schema.hasColumn("users", "role");
  if (!hasRole) {
    await knex.schema.alterTable("users", (table) => {
      table.enu("role", ["USER", "ADMIN"]).notNullable().defaultTo("USER");
    });
  }
}

async function down() {}

module.exports = { up, down };
