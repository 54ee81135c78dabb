"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("tenants", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: Sequelize.STRING, allowNull: false },
      plan: { type: Sequelize.STRING, allowNull: false, defaultValue: "free" },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.createTable("llm_results", {
      id: { type: Sequelize.BIGINT, autoIncrement: true, primaryKey: true },
      tenant_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "tenants", key: "id" } },
      prompt_hash: { type: Sequelize.STRING(64), allowNull: false },
      output: { type: Sequelize.TEXT, allowNull: false },
      tokens_used: { type: Sequelize.INTEGER },
      created_at: { type: Sequelize.DATE, allowNull: false },
      updated_at: { type: Sequelize.DATE, allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable("llm_results");
    await queryInterface.dropTable("tenants");
  },
};
