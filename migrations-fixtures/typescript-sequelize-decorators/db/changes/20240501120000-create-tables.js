"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("tenants", {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      name: { type: Sequelize.STRING, allowNull: false },
      created_at: { allowNull: false, type: Sequelize.DATE },
      updated_at: { allowNull: false, type: Sequelize.DATE },
    });
    await queryInterface.createTable("llm_results", {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.BIGINT },
      tenant_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "tenants", key: "id" } },
      prompt_hash: { type: Sequelize.STRING(64), allowNull: false },
      output_text: { type: Sequelize.TEXT, allowNull: false },
      created_on: { allowNull: false, type: Sequelize.DATE },
      updated_at: { allowNull: false, type: Sequelize.DATE },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("llm_results");
    await queryInterface.dropTable("tenants");
  },
};
