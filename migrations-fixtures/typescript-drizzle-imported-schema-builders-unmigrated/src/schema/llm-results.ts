import { text } from "drizzle-orm/pg-core"
import { appSchema, cuid, tzTimestamp } from "../schemaHelpers"

export const llmResults = appSchema.table("llm_results", {
  id: cuid("id").primaryKey(),
  tenantId: cuid("tenant_id", { default: false }).notNull(),
  output: text("output").notNull(),
  modelVersion: text("model_version"),
  createdAt: tzTimestamp("created_at").defaultNow().notNull(),
})
