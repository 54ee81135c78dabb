CREATE TABLE plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, start_after TEXT);
