CREATE TABLE hosts (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  last_report_at timestamptz
);
