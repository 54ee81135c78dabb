import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const shelf = pgTable("Shelf", {
  id: uuid("id").primaryKey(),
  aisle: integer("aisle").notNull(),
});

export const stock = pgTable("Stock", {
  id: uuid("id").primaryKey(),
  shelfId: uuid("shelfId").notNull(),
  sku: text("sku").notNull(),
  quantity: integer("quantity").notNull(),
  reservedQuantity: integer("reservedQuantity").notNull().default(0),
});
