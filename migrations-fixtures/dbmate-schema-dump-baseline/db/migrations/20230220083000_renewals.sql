-- migrate:up
ALTER TABLE subscriptions ADD COLUMN renews_on date;

-- migrate:down
ALTER TABLE subscriptions DROP COLUMN renews_on;
