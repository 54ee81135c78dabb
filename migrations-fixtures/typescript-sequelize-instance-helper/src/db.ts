import { Sequelize } from "sequelize-typescript";
import env from "./env";
import { Note } from "./models/note";

// A URL, or the connection's parts when no URL is set.
function connectionConfig() {
  if (env.DATABASE_URL) {
    return env.DATABASE_URL;
  }
  return { host: env.DATABASE_HOST, database: env.DATABASE_NAME, dialect: "postgres" as const };
}

const config = connectionConfig();

// One instance per connection (the primary, a read replica): the options come in as a parameter.
export function createInstance(databaseConfig: string | object, models: (typeof Note)[]) {
  const common = { models, logging: false };
  if (typeof databaseConfig === "string") {
    return new Sequelize(databaseConfig, common);
  }
  return new Sequelize({ ...databaseConfig, ...common });
}

export const sequelize = createInstance(config, [Note]);
export const replica = createInstance(env.DATABASE_URL ?? "", []);
