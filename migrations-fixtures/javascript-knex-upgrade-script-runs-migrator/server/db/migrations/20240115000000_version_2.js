exports.up = async (knex) => {
  await knex.schema.createTable('background_image', (table) => {
    table.bigIncrements('id').primary();
    table.bigInteger('project_id').notNullable();
    table.text('extension').notNullable();
    table.bigInteger('size_in_bytes').notNullable();
    table.timestamp('created_at', true);
  });

  await knex.schema.createTable('file_reference', (table) => {
    table.text('id').primary();
    table.integer('total');
    table.timestamp('created_at', true);
  });
};

exports.down = async (knex) => {
  await knex.schema.dropTable('file_reference');
  await knex.schema.dropTable('background_image');
};
