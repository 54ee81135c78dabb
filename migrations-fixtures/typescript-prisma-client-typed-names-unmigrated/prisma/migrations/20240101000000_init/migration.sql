CREATE TABLE "Queue" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false
);
