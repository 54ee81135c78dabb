CREATE TYPE "Role" AS ENUM ('MEMBER', 'ADMIN');
CREATE TABLE "users" (
    "id" SERIAL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER'
);
CREATE UNIQUE INDEX "users_email_tenant_id_key" ON "users"("email", "tenant_id");
CREATE TABLE "posts" (
    "id" SERIAL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "author_id" INTEGER NOT NULL REFERENCES "users"("id")
);
