import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const vehicle = pgTable("vehicle", {
  vehicleId: text("vehicle_id").primaryKey(),
  plate: text().notNull(),
  depotId: text("depot_id").notNull(),
  // The model has it; no migration adds vehicle.retired_at.
  retiredAt: timestamp("retired_at"),
});

export const depot = pgTable("depot", {
  depotId: text("depot_id").primaryKey(),
  name: text().notNull(),
  capacity: integer().notNull(),
});
