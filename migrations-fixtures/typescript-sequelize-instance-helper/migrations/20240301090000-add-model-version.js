"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn("notes", "modelVersion", { type: Sequelize.STRING, allowNull: true });
  },
};
