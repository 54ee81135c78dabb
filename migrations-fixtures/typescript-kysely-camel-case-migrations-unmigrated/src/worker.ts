// The migrations spell names in camelCase and run through the same plugin as the queries: the
// database has created_at, and so does every query.
import { db } from "./db";

export async function recent(tenantId: number) {
  return db
    .selectFrom("llmResults")
    .select(["id", "output", "createdAt"])
    .where("tenantId", "=", tenantId)
    .orderBy("createdAt", "desc")
    .execute();
}

export async function save(tenantId: number, output: string, modelVersion: string) {
  return db.insertInto("llmResults").values({ tenantId, output, modelVersion }).returning("id").executeTakeFirstOrThrow();
}
