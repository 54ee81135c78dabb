// The application's Kysely instance is made by nestjs-kysely from this config: every query of
// the repositories runs through CamelCasePlugin (modelVersion is sent as model_version).
import { Global, Module } from "@nestjs/common";
import { KyselyModule } from "nestjs-kysely";
import { CamelCasePlugin, PostgresDialect } from "kysely";
import { Pool } from "pg";
import { ResultRepo } from "./repos/result.repo";

@Global()
@Module({
  imports: [
    KyselyModule.forRootAsync({
      useFactory: () => ({
        dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }),
        plugins: [new CamelCasePlugin()],
      }),
    }),
  ],
  providers: [ResultRepo],
  exports: [ResultRepo],
})
export class DatabaseModule {}
