ALTER TABLE "surveys" ADD COLUMN "archived_at" TIMESTAMP(3);
ALTER TABLE "members" ADD COLUMN "deleted_at" TIMESTAMP(3);
