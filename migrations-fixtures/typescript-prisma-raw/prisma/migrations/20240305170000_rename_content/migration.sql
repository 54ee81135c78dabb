-- Edited by hand: keep the data instead of dropping and re-adding the column.
ALTER TABLE "Post" RENAME COLUMN "content" TO "body";
