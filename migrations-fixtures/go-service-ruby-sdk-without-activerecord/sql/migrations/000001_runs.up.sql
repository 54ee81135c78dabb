CREATE TABLE runs (
  id uuid PRIMARY KEY,
  workflow text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
