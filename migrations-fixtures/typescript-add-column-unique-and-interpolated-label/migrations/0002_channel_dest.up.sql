-- The column brings its own unique key: ON CONFLICT (dest) has an arbiter.
ALTER TABLE channels ADD COLUMN dest jsonb UNIQUE;
