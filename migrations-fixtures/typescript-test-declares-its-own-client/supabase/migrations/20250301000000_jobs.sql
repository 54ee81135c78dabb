CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  queued_at timestamptz NOT NULL DEFAULT now()
);
