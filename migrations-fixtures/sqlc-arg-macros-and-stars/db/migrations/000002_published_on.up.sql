ALTER TABLE books ADD COLUMN published_on DATE;
