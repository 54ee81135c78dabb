CREATE SCHEMA "app";
--> statement-breakpoint
CREATE TABLE "app"."llm_results" ("id" varchar(24) PRIMARY KEY, "tenant_id" varchar(24) NOT NULL, "output" text NOT NULL, "created_at" timestamp with time zone DEFAULT now() NOT NULL);
