// The models a batch job uses to store LLM results.
const { Sequelize, DataTypes, Model } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL, { dialect: "postgres" });

class Tenant extends Model {}
Tenant.init(
  {
    name: { type: DataTypes.STRING, allowNull: false },
    plan: { type: DataTypes.STRING, allowNull: false, defaultValue: "free" },
  },
  { sequelize, tableName: "tenants" },
);

const LlmResult = sequelize.define(
  "LlmResult",
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    tenantId: { type: DataTypes.INTEGER, allowNull: false },
    promptHash: { type: DataTypes.STRING(64), allowNull: false },
    output: { type: DataTypes.TEXT, allowNull: false },
    tokens: { type: DataTypes.INTEGER, field: "tokens_used" },
    modelVersion: { type: DataTypes.STRING, allowNull: true },
    summary: { type: DataTypes.VIRTUAL, get() { return this.output.slice(0, 80); } },
  },
  { tableName: "llm_results", underscored: true },
);

LlmResult.belongsTo(Tenant, { foreignKey: "tenantId" });

module.exports = { sequelize, Tenant, LlmResult };
