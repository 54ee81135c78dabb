-- migrate:up
ALTER TABLE accounts ADD COLUMN trial_ends_at timestamptz;

-- migrate:down
ALTER TABLE accounts DROP COLUMN trial_ends_at;
