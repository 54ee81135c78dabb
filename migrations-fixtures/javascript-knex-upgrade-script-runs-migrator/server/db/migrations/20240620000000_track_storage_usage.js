exports.up = async (knex) => {
  await knex.schema.renameTable('file_reference', 'uploaded_file');

  await knex.schema.alterTable('background_image', (table) => {
    table.renameColumn('size_in_bytes', 'size');
  });
};

exports.down = async (knex) => {
  await knex.schema.alterTable('background_image', (table) => {
    table.renameColumn('size', 'size_in_bytes');
  });

  await knex.schema.renameTable('uploaded_file', 'file_reference');
};
