// The one DataSource: every property without a column name of its own is sent in snake case.
import { DataSource } from "typeorm";
import { SnakeNamingStrategy } from "typeorm-naming-strategies";
import { LlmResult } from "./entities/llm-result";
import { Tenant } from "./entities/tenant";

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [LlmResult, Tenant],
  migrations: [__dirname + "/migrations/*.ts"],
  namingStrategy: new SnakeNamingStrategy(),
});
