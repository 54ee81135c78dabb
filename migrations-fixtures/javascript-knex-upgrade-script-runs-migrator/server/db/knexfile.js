const path = require('path');

module.exports = {
  client: 'pg',
  connection: process.env.DATABASE_URL,
  migrations: {
    tableName: 'migration',
    directory: path.join(__dirname, 'migrations'),
  },
};
