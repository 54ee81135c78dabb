// Summarises each new document with an LLM and stores the result, in one transaction per batch.
import { Injectable } from "@nestjs/common";
import { InjectKysely } from "nestjs-kysely";
import { Kysely, sql } from "kysely";
import type { DB } from "../database/types";
import { ResultRepo } from "../database/repos/result.repo";

@Injectable()
export class SummariseWorker {
  constructor(@InjectKysely() private readonly db: Kysely<DB>, private readonly results: ResultRepo) {}

  async run(batch: { tenantId: number; promptHash: string; output: string }[], modelVersion: string) {
    await this.db.transaction().execute(async (trx) => {
      for (const item of batch) {
        await this.results.save(item.tenantId, item.promptHash, item.output, modelVersion, trx);
      }
      const [first] = batch;
      await this.results.record({ tenantId: first.tenantId, promptHash: `${first.promptHash}:summary`, output: "", modelVersion }, trx);
      await trx
        .updateTable("tenants")
        .set({ name: sql`name` })
        .where("id", "in", batch.map((b) => b.tenantId))
        .execute();
    });
  }
}
