"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("Tenants", {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      name: { type: Sequelize.STRING, allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE },
    });
    await queryInterface.createTable("llm_results", {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.BIGINT },
      tenant_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "Tenants", key: "id" } },
      prompt_hash: { type: Sequelize.STRING(64), allowNull: false },
      output: { type: Sequelize.TEXT, allowNull: false },
      tokens_used: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE },
    });
    await queryInterface.addIndex("llm_results", ["tenant_id", "prompt_hash"], { unique: true });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("llm_results");
    await queryInterface.dropTable("Tenants");
  },
};
