// Shared pieces of the table declarations: the schema, and column builders of the project.
import { pgSchema, timestamp, varchar } from "drizzle-orm/pg-core"

export const appSchema = pgSchema("app")

export function tzTimestamp(name: string) {
  return timestamp(name, { withTimezone: true })
}

export function cuid(name: string, options?: { default?: boolean }) {
  const column = varchar(name, { length: 24 })
  return options?.default === false ? column : column.$defaultFn(() => crypto.randomUUID())
}
