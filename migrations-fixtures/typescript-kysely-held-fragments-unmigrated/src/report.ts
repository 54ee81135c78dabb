// Monthly usage report and job intake through Kysely: a fragment held in a constant, a query
// built in a variable, destructured expression builders and a row spread from a shared object.
import { Kysely, PostgresDialect, sql } from "kysely";
import { Pool } from "pg";
import type { DB } from "./types";

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });

const defaults = { status: "queued", attempts: 0 };

export async function usage(tenantId: number, model?: string) {
  const totalTokens = sql<number>`("llm_usage"."prompt_tokens" + "llm_usage"."completion_tokens")`;

  let query = db.selectFrom("llm_usage").innerJoin("tenants", "tenants.id", "llm_usage.tenant_id").where("llm_usage.tenant_id", "=", tenantId);
  if (model) {
    query = query.where(({ eb, and, ref }) => and([eb("llm_usage.model", "=", model), eb(ref("llm_usage.cached"), "=", false)]));
  }
  const rows = query
    .select(({ fn }) => ["tenants.name", totalTokens.as("total"), fn.count("llm_usage.id").as("calls")])
    .orderBy(totalTokens, "desc")
    .limit(10);
  return rows.execute();
}

export async function enqueue(tenantId: number, prompt: string) {
  return db
    .insertInto("jobs")
    .values({ ...defaults, tenant_id: tenantId, prompt })
    .returning("id")
    .executeTakeFirstOrThrow();
}
