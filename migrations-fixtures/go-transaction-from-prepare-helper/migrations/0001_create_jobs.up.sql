CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    state text NOT NULL DEFAULT 'queued'
);
