ALTER TABLE reports ADD COLUMN closed_at timestamptz;

--bun:split

CREATE INDEX reports_open_idx ON reports (target_account_id) WHERE closed_at IS NULL;
