CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL,
  state job_state NOT NULL DEFAULT 'queued',
  payload jsonb NOT NULL,
  dedup_key text
);

CREATE FUNCTION job_age(created timestamptz, now_at timestamptz DEFAULT now()) RETURNS interval
  LANGUAGE sql IMMUTABLE AS $$ SELECT now_at - created $$;
