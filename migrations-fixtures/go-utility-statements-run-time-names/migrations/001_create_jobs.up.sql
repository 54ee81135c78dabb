CREATE TABLE queue_job (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    state text NOT NULL DEFAULT 'available',
    attempt smallint NOT NULL DEFAULT 0
);

CREATE INDEX queue_job_kind ON queue_job (kind);
