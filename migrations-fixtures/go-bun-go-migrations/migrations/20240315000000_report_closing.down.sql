ALTER TABLE reports DROP COLUMN closed_at;
