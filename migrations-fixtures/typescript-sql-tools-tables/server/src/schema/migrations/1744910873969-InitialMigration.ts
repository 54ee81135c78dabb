import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE "tenants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying NOT NULL, CONSTRAINT "tenants_pkey" PRIMARY KEY ("id"))`.execute(db);
  await sql`CREATE TABLE "llm_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id"), "prompt_hash" character varying NOT NULL, "output" text NOT NULL, "created_at" timestamp with time zone NOT NULL DEFAULT now(), "updateId" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "llm_results_pkey" PRIMARY KEY ("id"))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE "llm_results"`.execute(db);
  await sql`DROP TABLE "tenants"`.execute(db);
}
