import { sql } from "./db";

export async function byEmail(email: string) {
  return sql`SELECT id, email, "fullName" FROM customers WHERE email = ${email}`;
}
