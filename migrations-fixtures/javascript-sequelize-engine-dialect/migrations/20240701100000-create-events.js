"use strict";

// Events, for installations on PostgreSQL or SQL Server: the dialect decides the payload type.
module.exports = {
  async up(queryInterface, Sequelize) {
    const dialect = queryInterface.sequelize.getDialect();
    await queryInterface.createTable("events", {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      kind: { type: Sequelize.STRING(64), allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
    });
    if (dialect === "mssql") {
      await queryInterface.sequelize.query("ALTER TABLE events ADD payload_xml NVARCHAR(max) NULL");
      await queryInterface.sequelize.query("UPDATE TOP (1) events SET kind = N'boot'");
    } else {
      await queryInterface.addColumn("events", "payload", { type: Sequelize.JSONB });
    }
  },

  async down(queryInterface) {
    await queryInterface.dropTable("events");
  },
};
