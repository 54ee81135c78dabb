exports.up = function (knex) {
    return knex.schema.alterTable("monitor", function (table) {
        table.text("description");
    });
};

exports.down = function (knex) {
    return knex.schema.alterTable("monitor", function (table) {
        table.dropColumn("description");
    });
};
