-- AlterTable
ALTER TABLE "public"."llm_results" ADD COLUMN     "model_version" TEXT NOT NULL DEFAULT 'unknown';
