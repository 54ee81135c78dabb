-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- CreateEnum
CREATE TYPE "public"."llm_provider" AS ENUM ('OPENAI', 'ANTHROPIC');

-- CreateTable
CREATE TABLE "public"."tenants" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public"."llm_results" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "provider" "public"."llm_provider" NOT NULL,
    "prompt_hash" CHAR(64) NOT NULL,
    "output" TEXT NOT NULL,
    "tokens_used" INTEGER NOT NULL DEFAULT 0,
    "search_vector" tsvector,
    "debugNotes" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "llm_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit"."usage_events" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "tokens" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public"."legacy_exports" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "legacy_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "llm_results_tenant_id_prompt_hash_key" ON "public"."llm_results"("tenant_id", "prompt_hash");

-- AddForeignKey
ALTER TABLE "public"."llm_results" ADD CONSTRAINT "llm_results_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
