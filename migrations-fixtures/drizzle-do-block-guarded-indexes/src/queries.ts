import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { shelf, stock } from "./schema";

const db = drizzle(postgres(process.env.DATABASE_URL!));

export async function onShelf(shelfId: string) {
  return db.select({ sku: stock.sku, reserved: stock.reservedQuantity }).from(stock).where(eq(stock.shelfId, shelfId));
}

export async function addShelf(id: string, aisle: number) {
  await db.execute(sql`INSERT INTO "Shelf" ("id", "aisle") VALUES (${id}, ${aisle}) ON CONFLICT ("aisle") DO NOTHING`);
}
