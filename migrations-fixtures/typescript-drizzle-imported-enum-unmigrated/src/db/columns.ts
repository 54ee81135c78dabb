import { timestamp } from "drizzle-orm/pg-core";

// Shared by every table: its name comes from the caller.
export const createdAt = (name = "created_at") => timestamp(name).notNull().defaultNow();
