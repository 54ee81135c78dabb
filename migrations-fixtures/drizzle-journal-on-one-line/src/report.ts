import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";

const db = drizzle(process.env.DATABASE_URL!);

export async function overdrawn() {
  return db.execute(sql`SELECT id, name, credit_limit_cents FROM accounts WHERE balance_cents < 0`);
}
