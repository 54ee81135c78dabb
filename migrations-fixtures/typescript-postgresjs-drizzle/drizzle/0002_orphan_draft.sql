-- Generated, then removed from the journal before it was applied: it never runs.
ALTER TABLE "tasks" ADD COLUMN "assignee" text;
