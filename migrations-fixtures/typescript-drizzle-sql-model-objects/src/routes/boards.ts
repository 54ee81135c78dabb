import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "../db";
import { auditLog, boards, cards } from "../db/schema";

// A relational query whose condition is a template over column objects: Drizzle writes
// "board"."board_id" in place of ${boards.boardId} and sends each id as a parameter.
export async function visibleBoards(ownerId: string, boardIds: string[]) {
  return db.query.boards.findMany({
    where: and(
      sql`${boards.boardId} IN (${sql.join(
        boardIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
      eq(boards.ownerId, ownerId),
    ),
  });
}

// The condition names a column no migration adds.
export async function openBoards(ownerId: string) {
  return db.query.boards.findMany({
    where: sql`${boards.ownerId} = ${ownerId} AND ${boards.archivedAt} IS NULL`,
  });
}

// A whole statement written with the table and column objects.
export async function overdueCards() {
  return db.execute(sql`SELECT ${cards.title}, ${cards.dueOn} FROM ${cards} WHERE ${cards.dueOn} < current_date`);
}

// A table of a pgSchema: "ops"."audit_log"."actor_id".
export async function actionsBy(actorId: string) {
  return db.query.auditLog.findMany({ where: sql`${auditLog.actorId} = ${actorId}` });
}

// `summary` is no column of card, but the template does not say whose it is: not judged.
export async function searchCards(term: string) {
  const pattern = `%${term}%`;
  return db.query.cards.findMany({
    where: sql`${cards.title} ILIKE ${pattern} OR summary ILIKE ${pattern}`,
  });
}

// A local named like a model is not the model: its property is a value.
export function byLabel(cards: { title: string }) {
  return sql`lower(title) = lower(${cards.title})`;
}

// A piece of the chain's ORDER BY, which the chain's statement holds: no site of its own.
export async function cardsByDueDate(boardId: string) {
  return db
    .select()
    .from(cards)
    .where(eq(cards.boardId, boardId))
    .orderBy(sql`${cards.dueOn} desc nulls last`, asc(cards.id));
}
