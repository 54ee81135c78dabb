CREATE TABLE heartbeats (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  entity text NOT NULL,
  project text,
  language text,
  time timestamptz NOT NULL,
  created_at timestamptz
);
