import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE "sessions" ("id" uuid PRIMARY KEY, "userId" uuid NOT NULL, "expiresAt" timestamptz)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE "sessions"`.execute(db);
}
