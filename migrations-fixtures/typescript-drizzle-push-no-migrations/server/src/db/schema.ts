import { boolean, pgTable, serial, text, timestamp, integer } from "drizzle-orm/pg-core";

export const sites = pgTable("sites", {
  siteId: serial("site_id").primaryKey(),
  name: text("name").notNull(),
  domain: text("domain").notNull().unique(),
  createdAt: timestamp("created_at").defaultNow(),
  public: boolean().default(false),
  saltUserIds: boolean().default(false),
});

export const funnels = pgTable("funnels", {
  id: serial("id").primaryKey(),
  siteId: integer("site_id").references(() => sites.siteId),
  name: text("name"),
});
