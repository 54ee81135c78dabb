// One-off data migration, run by the migration of the same date before it drops the table.
const { sequelize } = require("../db");

async function main() {
  const [rows] = await sequelize.query(
    `SELECT "userId", event FROM reminder_preferences ORDER BY "userId"`
  );
  for (const row of rows) {
    await sequelize.query(
      `UPDATE reminders SET events = array_append(events, :event) WHERE "userId" = :userId AND "legacyTopic" IS NULL`,
      { replacements: row }
    );
  }
}

main();
