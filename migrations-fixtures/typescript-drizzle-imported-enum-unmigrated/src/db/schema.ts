import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { deployStatus, triggerKind } from "./enums";

export const deployment = pgTable("deployment", {
	id: text("id").primaryKey(),
	status: deployStatus("status").notNull().default("queued"),
	trigger: triggerKind("trigger").notNull().default("manual"),
	createdAt: createdAt(),
});
