ALTER TABLE "app"."llm_results" ADD COLUMN "model_version" text;
