// A script dated after the table was dropped: it would fail if run now.
const { sequelize } = require("../db");

async function main() {
  await sequelize.query(`SELECT count(*) FROM reminder_preferences`);
  await sequelize.query(`SELECT count(*) FROM reminders WHERE "legacyTopic" IS NOT NULL`);
}

main();
