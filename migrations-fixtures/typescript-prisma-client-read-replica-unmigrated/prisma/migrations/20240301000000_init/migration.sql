-- The survey archive shipped in the schema, but its migration (surveys.archived_at) and the
-- member soft delete (members.deleted_at) were never written.
CREATE TYPE "SurveyStatus" AS ENUM ('draft', 'inProgress', 'completed');

CREATE TABLE "members" (
    "id" TEXT PRIMARY KEY,
    "email" TEXT NOT NULL
);

CREATE TABLE "workspaces" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "owner_id" TEXT REFERENCES "members"("id")
);

CREATE TABLE "surveys" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'draft',
    "workspace_id" TEXT NOT NULL REFERENCES "workspaces"("id")
);

CREATE TABLE "questions" (
    "id" TEXT PRIMARY KEY,
    "headline" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "survey_id" TEXT NOT NULL REFERENCES "surveys"("id")
);
