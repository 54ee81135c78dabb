import { drizzle } from "drizzle-orm/postgres-js";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { account } from "./db/schema";

const db = drizzle(postgres(process.env.DATABASE_URL!));

export async function setLocale(id: string, locale: string) {
	await db.update(account).set({ locale }).where(eq(account.id, id));
}
