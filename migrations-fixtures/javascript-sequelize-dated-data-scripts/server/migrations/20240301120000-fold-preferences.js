"use strict";
const path = require("path");
const { execFileSync } = require("child_process");

// Runs the data script of the same date, then the schema change that depends on it.
module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn("reminders", "events", {
      type: Sequelize.ARRAY(Sequelize.STRING),
      allowNull: false,
      defaultValue: [],
    });
    execFileSync("node", [path.join(__dirname, "../scripts/20240301120000-fold-preferences.js")]);
    await queryInterface.dropTable("reminder_preferences");
    await queryInterface.removeColumn("reminders", "legacyTopic");
  },
  down: async () => {},
};
