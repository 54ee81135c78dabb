import { date, pgSchema, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const boards = pgTable("board", {
  boardId: text("board_id").primaryKey(),
  ownerId: text("owner_id").notNull(),
  title: text().notNull(),
  // Added to the model, but no migration adds board.archived_at yet.
  archivedAt: timestamp("archived_at", { withTimezone: true }),
});

export const cards = pgTable("card", {
  id: serial().primaryKey(),
  boardId: text("board_id").notNull(),
  title: text().notNull(),
  dueOn: date("due_on"),
});

export const ops = pgSchema("ops");

export const auditLog = ops.table("audit_log", {
  id: serial().primaryKey(),
  actorId: text("actor_id").notNull(),
  action: text().notNull(),
});
