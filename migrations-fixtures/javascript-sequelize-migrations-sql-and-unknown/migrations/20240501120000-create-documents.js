"use strict";

module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.createTable(
        "documents",
        {
          id: { type: Sequelize.UUID, allowNull: false, primaryKey: true },
          title: { type: Sequelize.STRING, allowNull: false },
          userId: { type: Sequelize.UUID, allowNull: false },
          event: { type: Sequelize.STRING, allowNull: false },
          createdAt: { type: Sequelize.DATE, allowNull: false },
        },
        { transaction },
      );
      await queryInterface.addIndex("documents", ["userId", "event"], {
        name: "documents_user_id_event",
        type: "UNIQUE",
        transaction,
      });
    });
  },
};
