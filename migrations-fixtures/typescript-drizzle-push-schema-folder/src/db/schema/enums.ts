import { pgEnum } from "drizzle-orm/pg-core";

export const linkStatus = pgEnum("link_status", ["active", "disabled"]);
