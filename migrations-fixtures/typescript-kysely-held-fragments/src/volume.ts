// Jobs finished per tenant: the date condition is chosen at run time and used in a subquery.
import { Kysely, PostgresDialect, sql } from "kysely";
import { Pool } from "pg";
import type { DB } from "./types";

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function finishedPerTenant(since?: Date) {
  let finished = sql<boolean>`TRUE`;
  if (since) {
    finished = sql<boolean>`j."finished_at" >= ${since}`;
  }
  return db
    .selectFrom("tenants as t")
    .select((eb) => [
      "t.name",
      eb.selectFrom("jobs as j").whereRef("j.tenant_id", "=", "t.id").where(finished).select(sql<number>`count(j.id)`.as("n")).as("finished"),
    ])
    .execute();
}
