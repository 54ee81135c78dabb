CREATE TABLE invoice_lines (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  currency text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
