import { KyselyConfig, PostgresDialect } from "kysely";
import { Pool } from "pg";

// One place builds the configuration every Kysely instance of the service is made with.
export const getKyselyConfig = (url: string): KyselyConfig => {
  return {
    dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 10 }) }),
    log(event) {
      if (event.level === "error") console.error(event.error);
    },
  };
};
