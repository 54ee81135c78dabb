ALTER TABLE sessions ADD COLUMN not_after timestamptz;
