import { Kysely, sql } from 'kysely';
import { pickVectorExtension } from 'src/db/helpers/extensions';
import { embeddingIndexSql } from 'src/db/helpers/indexes';

const legacyTable = sql<{ found: string | null }>`select to_regclass('legacy_migrations') as "found"`;

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await legacyTable.execute(db);
  if (rows[0]?.found) {
    return;
  }
  const extension = await pickVectorExtension(db);
  await sql`CREATE EXTENSION IF NOT EXISTS ${sql.raw(extension)}`.execute(db);
  await sql`CREATE TABLE "devices" ("id" uuid PRIMARY KEY, "ownerId" uuid NOT NULL, "label" text NOT NULL, "lastSeenAt" timestamptz)`.execute(db);
  await sql`CREATE TABLE "photo_embeddings" ("photoId" uuid PRIMARY KEY, "embedding" real[] NOT NULL)`.execute(db);
  await sql.raw(embeddingIndexSql(extension, 'photo_embeddings', 'photo_embedding_idx')).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE "photo_embeddings"`.execute(db);
  await sql`DROP TABLE "devices"`.execute(db);
}
