CREATE TABLE IF NOT EXISTS "labels" (
	"task_id" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "labels_task_id_label_pk" PRIMARY KEY("task_id","label")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "estimate_minutes" integer;--> statement-breakpoint
ALTER TABLE "projects" RENAME COLUMN "owner_email" TO "owner";
