CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  state text NOT NULL,
  picked_at timestamptz
);
