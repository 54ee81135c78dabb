import { prisma } from "@acme/db";

// The engine's tests run on a real database, through the project's own database package.
test("inserts a widget", async () => {
  await prisma.$executeRawUnsafe('INSERT INTO "Widget" ("id", "name", "colour") VALUES ($1, $2, $3)', "w1", "a", "red");
});
