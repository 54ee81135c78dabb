import { db } from "./client";

export async function ping() {
  return db.execute("select 1");
}
