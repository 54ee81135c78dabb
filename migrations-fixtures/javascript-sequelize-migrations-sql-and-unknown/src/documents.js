const { QueryTypes } = require("sequelize");
const { sequelize } = require("./db");

async function search(query) {
  return sequelize.query(
    `SELECT id, title FROM documents WHERE "searchVector" @@ plainto_tsquery('english', :query)`,
    { replacements: { query }, type: QueryTypes.SELECT },
  );
}

async function subscribe(userId, event) {
  return sequelize.query(
    `INSERT INTO documents (id, title, "userId", event, "createdAt") VALUES (gen_random_uuid(), '', :userId, :event, now())
     ON CONFLICT ("userId", event) DO NOTHING`,
    { replacements: { userId, event } },
  );
}

async function archived() {
  return sequelize.query(`SELECT id FROM documents WHERE is_archived`, { type: QueryTypes.SELECT });
}

module.exports = { search, subscribe, archived };
