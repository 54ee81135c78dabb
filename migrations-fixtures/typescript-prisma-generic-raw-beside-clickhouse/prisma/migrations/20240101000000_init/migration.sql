CREATE TABLE "monitors" ("id" TEXT PRIMARY KEY, "status" TEXT NOT NULL, "last_completed_at" TIMESTAMP(3));
