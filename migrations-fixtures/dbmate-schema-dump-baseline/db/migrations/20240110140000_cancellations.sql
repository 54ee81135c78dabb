-- migrate:up
ALTER TABLE subscriptions ADD COLUMN cancelled_at timestamptz;

-- migrate:down
ALTER TABLE subscriptions DROP COLUMN cancelled_at;
