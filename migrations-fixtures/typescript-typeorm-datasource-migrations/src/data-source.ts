import "reflect-metadata";
import { DataSource } from "typeorm";
import { LlmResult } from "./entities/llm-result";
import { Tenant } from "./entities/tenant";

// The migrations live in src/database/changes.
export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Tenant, LlmResult],
  migrations: [__dirname + "/database/changes/*{.ts,.js}"],
  migrationsTableName: "migrations",
});
