-- A fresh install loads this file whole and records the newest release: the upgrade steps of
-- internal/migrations never run on it.
CREATE TABLE campaigns (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft',
    body TEXT
);
