const { R } = require("redbean-node");

/**
 * The basic tables of a new MariaDB database; later changes are in ./db/knex_migrations.
 * @returns {Promise<void>}
 */
async function createTables() {
    const knex = R.knex;

    await knex.schema.createTable("monitor", (table) => {
        table.increments("id");
        table.string("name", 150);
        table.boolean("active").notNullable().defaultTo(true);
        table.integer("interval").notNullable().defaultTo(20);
    });

    await knex.schema.createTable("maintenance", (table) => {
        table.increments("id");
        table.string("title", 150).notNullable();
        table.boolean("active").notNullable().defaultTo(true);
    });

    await knex.schema.createTable("monitor_maintenance", (table) => {
        table.increments("id");
        table.integer("monitor_id").unsigned().notNullable();
        table.integer("maintenance_id").unsigned().notNullable();
    });
}

module.exports = { createTables };
