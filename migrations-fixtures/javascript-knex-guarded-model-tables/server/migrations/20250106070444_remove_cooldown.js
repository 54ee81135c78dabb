async function up(knex) {
  const hasCooldowns = await knex.schema.hasColumn("users", "cooldowns");
  if (hasCooldowns) {
    await knex.schema.alterTable("users", (table) => {
      table.dropColumn("cooldowns");
    });
  }
}

async function down() {}

module.exports = { up, down };
