const { sequelize } = require("../db");

async function due(userId) {
  const [rows] = await sequelize.query(
    `SELECT id, channel, events FROM reminders WHERE "userId" = :userId`,
    { replacements: { userId } }
  );
  const [prefs] = await sequelize.query(`SELECT event FROM reminder_preferences WHERE "userId" = :userId`, {
    replacements: { userId },
  });
  return { rows, prefs };
}

module.exports = { due };
