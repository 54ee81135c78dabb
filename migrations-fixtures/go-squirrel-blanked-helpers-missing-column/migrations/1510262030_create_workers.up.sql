CREATE TABLE workers (
  name text PRIMARY KEY,
  addr text,
  state text NOT NULL DEFAULT 'running',
  active_tasks integer NOT NULL DEFAULT 0,
  expires timestamptz
);
