CREATE TABLE workers (
    name TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    expires TIMESTAMPTZ
);
