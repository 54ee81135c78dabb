CREATE TABLE login_attempts (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE counters (
    name text PRIMARY KEY,
    value bigint NOT NULL DEFAULT 0
);

CREATE VIEW recent_attempts AS
    SELECT id, email FROM login_attempts WHERE attempted_at > now() - interval '1 hour';
