ALTER TABLE sessions DROP COLUMN not_after;
