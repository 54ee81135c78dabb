// LLM results, read and written by the summarising worker and the API.
import { Injectable } from "@nestjs/common";
import { InjectKysely } from "nestjs-kysely";
import { Insertable, Kysely, Transaction, sql } from "kysely";
import type { DB, LlmResults } from "../types";

@Injectable()
export class ResultRepo {
  constructor(@InjectKysely() private readonly db: Kysely<DB>) {}

  private baseFields: Array<keyof LlmResults> = ["id", "tenantId", "output", "modelVersion", "createdAt"];

  async findById(id: number, opts?: { includePrompt?: boolean; trx?: Transaction<DB> }) {
    const db = opts?.trx ?? this.db;
    return db
      .selectFrom("llmResults")
      .select(this.baseFields)
      .$if(Boolean(opts?.includePrompt), (qb) => qb.select("promptHash"))
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async save(tenantId: number, promptHash: string, output: string, modelVersion: string, trx: Transaction<DB>) {
    return trx
      .insertInto("llmResults")
      .values({ tenantId, promptHash, output, modelVersion })
      .onConflict((oc) => oc.column("promptHash").doUpdateSet({ output, modelVersion }))
      .returning(["id", "createdAt"])
      .executeTakeFirstOrThrow();
  }

  async record(row: Insertable<LlmResults>, trx?: Transaction<DB>) {
    return (trx ?? this.db).insertInto("llmResults").values(row).returning("id").executeTakeFirstOrThrow();
  }

  async recentWithTenant(tenantId: number) {
    return this.db
      .selectFrom("llmResults as r")
      .innerJoin("tenants as t", (join) => join.onRef("t.id", "=", "r.tenantId"))
      .select(["r.id", "r.output", "t.name as tenant"])
      .where((eb) => eb.and([eb("r.tenantId", "=", tenantId), eb("r.modelVersion", "!=", "unknown")]))
      .orderBy("r.createdAt", "desc")
      .execute();
  }

  async tokensByModel(tenantId: number) {
    return this.db
      .selectFrom("llmResults")
      .select((eb) => ["modelVersion", eb.fn.sum("tokensUsed").as("tokens")])
      .where("tenantId", "=", tenantId)
      .groupBy("modelVersion")
      .execute();
  }

  async tenantNames(modelVersion: string) {
    return this.db
      .selectFrom(["llmResults as r", "tenants as t"])
      .whereRef("r.tenantId", "=", "t.id")
      .where("r.modelVersion", "=", modelVersion)
      .select("t.name")
      .distinct()
      .execute();
  }

  async correct(id: number, patch: Partial<LlmResults>, modelVersion: string) {
    return this.db.updateTable("llmResults").set({ ...patch, modelVersion }).where("id", "=", id).execute();
  }

  async forget(before: Date) {
    return this.db.deleteFrom("llmResults").where("createdAt", "<", before).where(sql`true`).execute();
  }
}
