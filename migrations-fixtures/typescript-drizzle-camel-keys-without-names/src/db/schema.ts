import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// No column names: drizzle names each column by its property, as written (no casing option).
export const tickets = pgTable("tickets", {
  id: uuid().primaryKey(),
  projectId: uuid().notNull(),
  title: text().notNull(),
  createdAt: timestamp().defaultNow().notNull(),
  closedAt: timestamp(),
});
