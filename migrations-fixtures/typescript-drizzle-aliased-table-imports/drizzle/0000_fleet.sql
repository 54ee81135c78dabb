CREATE TABLE "depot" (
	"depot_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle" (
	"vehicle_id" text PRIMARY KEY NOT NULL,
	"plate" text NOT NULL,
	"depot_id" text NOT NULL
);
