"use strict";

module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn("llm_results", "model_version", {
      type: Sequelize.STRING,
      allowNull: false,
      defaultValue: "unknown",
    });
  },
  down: async (queryInterface) => {
    await queryInterface.removeColumn("llm_results", "model_version");
  },
};
