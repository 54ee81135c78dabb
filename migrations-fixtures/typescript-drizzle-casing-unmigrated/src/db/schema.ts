// The tables of the summarisation worker. The properties name no columns: drizzle() is made
// with casing: 'snake_case' (src/db/index.ts), so tenantId is column tenant_id.
import { index, integer, pgEnum, pgSchema, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const llmProvider = pgEnum("llm_provider", ["openai", "anthropic"]);

export const tenants = pgTable("tenants", {
  id: serial().primaryKey(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
});

export const llmResults = pgTable(
  "llm_results",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: integer()
      .notNull()
      .references(() => tenants.id),
    provider: llmProvider().notNull(),
    promptHash: text().notNull(),
    output: text().notNull(),
    tokensUsed: integer().default(0).notNull(),
    modelVersion: text().default("unknown").notNull(),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("llm_results_tenant_idx").on(t.tenantId)],
);

export const audit = pgSchema("audit");

export const usageEvents = audit.table("usage_events", (t) => ({
  id: t.serial().primaryKey(),
  tenantId: t.integer().notNull(),
  tokens: t.integer().notNull(),
}));
