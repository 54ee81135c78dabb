CREATE TABLE /* TEMPLATE: schema */queue_job (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    state text NOT NULL DEFAULT 'available',
    attempt smallint NOT NULL DEFAULT 0,
    finalized_at timestamptz
);

CREATE TABLE /* TEMPLATE: schema */queue_leader (
    name text PRIMARY KEY,
    leader_id text NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE SCHEMA archive;
CREATE TABLE archive.queue_leader (
    name text PRIMARY KEY,
    leader_id text NOT NULL
);
