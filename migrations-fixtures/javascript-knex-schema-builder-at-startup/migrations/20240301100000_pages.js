exports.up = async function (knex) {
  await knex.schema.createTable("pages", (t) => {
    t.increments("id");
    t.string("path").notNullable();
    t.text("body");
  });
};

exports.down = async function (knex) {
  await knex.schema.dropTable("pages");
};
