"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("boards", {
      id: { allowNull: false, primaryKey: true, type: Sequelize.UUID },
      name: { type: Sequelize.STRING, allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE },
      deletedAt: { type: Sequelize.DATE },
    });
    // Written once and never updated: no updatedAt.
    await queryInterface.createTable("audit_entries", {
      id: { allowNull: false, primaryKey: true, type: Sequelize.UUID },
      action: { type: Sequelize.STRING, allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("audit_entries");
    await queryInterface.dropTable("boards");
  },
};
