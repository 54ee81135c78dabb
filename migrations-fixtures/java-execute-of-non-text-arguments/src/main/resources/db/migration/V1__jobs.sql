CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    state text NOT NULL DEFAULT 'queued'
);
