ALTER TABLE plans ADD COLUMN start_after TEXT;
ALTER TABLE plans DROP COLUMN duration;
