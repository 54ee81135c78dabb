import { bigint, pgTable, serial, text } from "drizzle-orm/pg-core";

export const accounts = pgTable("accounts", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  balanceCents: bigint("balance_cents", { mode: "number" }).notNull().default(0),
});
