import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { linkStatus } from "./enums";

export const links = pgTable("links", {
  id: uuid().primaryKey().defaultRandom(),
  shortCode: text().notNull().unique(),
  targetUrl: text().notNull(),
  status: linkStatus().default("active"),
  clickCount: integer().default(0),
  createdAt: timestamp({ withTimezone: true }).defaultNow(),
});
