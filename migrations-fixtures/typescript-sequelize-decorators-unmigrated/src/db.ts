import { Sequelize } from "sequelize-typescript";
import { LlmResult } from "./models/llm-result";
import { Tenant } from "./models/tenant";

// Every model gets snake_case columns unless it says otherwise.
export const sequelize = new Sequelize(process.env.DATABASE_URL!, {
  dialect: "postgres",
  models: [Tenant, LlmResult],
  define: { underscored: true },
});
