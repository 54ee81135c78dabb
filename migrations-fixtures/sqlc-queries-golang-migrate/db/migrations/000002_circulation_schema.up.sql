CREATE SCHEMA circulation;
ALTER TABLE loans SET SCHEMA circulation;
ALTER TABLE circulation.loans ADD COLUMN due_at timestamptz;
