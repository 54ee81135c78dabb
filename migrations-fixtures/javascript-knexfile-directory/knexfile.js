// Knex reads its migrations from db/schema-changes: a folder whose name says nothing of migrations.
module.exports = {
  development: {
    client: "pg",
    connection: process.env.DATABASE_URL,
    migrations: { directory: "./db/schema-changes", tableName: "knex_migrations" },
  },
  production: {
    client: "pg",
    connection: process.env.DATABASE_URL,
    migrations: { directory: "./db/schema-changes" },
  },
};
