import { and, eq, isNull } from "drizzle-orm";
import { db } from "./db";
import { tickets } from "./db/schema";

export async function openTickets(projectId: string) {
  return db
    .select({ id: tickets.id, title: tickets.title, opened: tickets.createdAt })
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), isNull(tickets.closedAt)));
}
