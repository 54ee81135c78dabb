// The tables of the summarisation worker. db.select().from(llmResults) names every column below.
import { index, integer, pgEnum, pgSchema, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const llmProvider = pgEnum("llm_provider", ["openai", "anthropic"]);

export const tenants = pgTable("tenants", {
  id: serial().primaryKey(),
  name: text().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
});

export const llmResults = pgTable(
  "llm_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: integer("tenant_id")
      .notNull()
      .references(() => tenants.id),
    provider: llmProvider("provider").notNull(),
    promptHash: text("prompt_hash").notNull(),
    output: text().notNull(),
    tokensUsed: integer("tokens_used").default(0).notNull(),
    modelVersion: text("model_version").default("unknown").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("llm_results_tenant_idx").on(t.tenantId)],
);

export const audit = pgSchema("audit");

export const usageEvents = audit.table("usage_events", (t) => ({
  id: t.serial().primaryKey(),
  tenant_id: t.integer().notNull(),
  tokens: t.integer().notNull(),
}));
