CREATE TYPE "public"."trigger_kind" AS ENUM('push', 'manual');--> statement-breakpoint
ALTER TABLE "deployment" ADD COLUMN "trigger" "trigger_kind" DEFAULT 'manual' NOT NULL;
