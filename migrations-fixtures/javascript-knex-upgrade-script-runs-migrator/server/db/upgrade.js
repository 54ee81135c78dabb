/* Upgrades a 1.x database: moves its tables aside, creates the 2.0 schema, copies the data over. */
const initKnex = require('knex');
const fs = require('fs');

const knexfile = require('./knexfile');

const knex = initKnex(knexfile);

const upgradeDatabase = async () => {
  await knex.transaction(async (trx) => {
    await trx.raw('CREATE SCHEMA v1');
    await trx.raw('ALTER TABLE background_image SET SCHEMA v1');

    await trx.migrate.up({
      name: '20240115000000_version_2.js',
    });

    const images = await trx('background_image').withSchema('v1');
    for (const image of images) {
      await trx('background_image').insert({
        id: image.id,
        project_id: image.project_id,
        extension: image.extension,
        size_in_bytes: 0,
        created_at: image.created_at,
      });
    }
  });
};

const upgradeBackgroundImages = async () => {
  const backgroundImages = await knex('background_image');

  for (const backgroundImage of backgroundImages) {
    const { size } = fs.statSync(`public/background-images/${backgroundImage.id}.${backgroundImage.extension}`);

    await knex('background_image').update({ size_in_bytes: size }).where('id', backgroundImage.id);
    const [{ id }] = await knex('file_reference').insert({ id: String(backgroundImage.id), total: 1 }, 'id');
    console.log(`background image ${backgroundImage.id}: file ${id}`);
  }
};

(async () => {
  const migrations = await knex('migration').orderBy('id');
  const isInitialV2 = migrations.at(-1).name === '20240115000000_version_2.js';

  if (isInitialV2) {
    await upgradeDatabase();
    await upgradeBackgroundImages();
  }

  await knex.migrate.latest();
  await knex.destroy();
})();
