CREATE TABLE "Widget" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL
);
