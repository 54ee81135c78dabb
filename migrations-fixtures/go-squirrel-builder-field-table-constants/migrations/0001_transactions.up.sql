CREATE TABLE transactions (
  id bigserial PRIMARY KEY,
  snapshot text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
