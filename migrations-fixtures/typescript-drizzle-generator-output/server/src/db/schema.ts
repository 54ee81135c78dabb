import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const account = pgTable("account", {
	id: text("id").primaryKey(),
	email: text("email").notNull(),
	displayName: text("display_name").notNull(),
	locale: text("locale").notNull().default("en"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
