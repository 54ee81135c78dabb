const knex = require('knex')(require('../../db/knexfile'));

const getForProject = (projectId) =>
  knex('background_image').select('id', 'extension', 'size').where('project_id', projectId);

const totalSize = async () => {
  const [{ sum }] = await knex('background_image').sum('size_in_bytes');
  return sum;
};

const createFileReference = (id) => knex('uploaded_file').insert({ id, total: 1 });

module.exports = { getForProject, totalSize, createFileReference };
