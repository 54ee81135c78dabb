// What the auth library would like the table to be; the team copies what it adopts into
// src/db/schema.ts and writes the migration. Nothing imports this file.
import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const account = pgTable("account", {
	id: text("id").primaryKey(),
	email: text("email").notNull(),
	emailVerified: boolean("email_verified").notNull().default(false),
	displayName: text("display_name").notNull(),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
