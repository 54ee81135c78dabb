"use strict";

module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.createTable("reminders", {
      id: { type: Sequelize.UUID, primaryKey: true },
      userId: { type: Sequelize.UUID, allowNull: false },
      channel: { type: Sequelize.STRING, allowNull: false },
      legacyTopic: { type: Sequelize.STRING },
    });
    await queryInterface.createTable("reminder_preferences", {
      id: { type: Sequelize.UUID, primaryKey: true },
      userId: { type: Sequelize.UUID, allowNull: false },
      event: { type: Sequelize.STRING, allowNull: false },
    });
  },
  down: async (queryInterface) => {
    await queryInterface.dropTable("reminder_preferences");
    await queryInterface.dropTable("reminders");
  },
};
