ALTER TABLE books DROP COLUMN published_on;
