import { sql } from "drizzle-orm";
import { db } from "../db";
import { cards as cardTable } from "../db/schema";

// The model imported under another name is the same table.
export async function cardsOfBoards(boardIds: string[]) {
  const conditions = [sql`${cardTable.boardId} IN (${sql.join(boardIds, sql`, `)})`];
  return db.query.cards.findMany({ where: conditions[0] });
}

export async function cardTitles() {
  return db.select({ title: cardTable.title }).from(cardTable);
}
