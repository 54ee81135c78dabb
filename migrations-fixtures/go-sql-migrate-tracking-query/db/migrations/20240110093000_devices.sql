-- +migrate Up
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  label text NOT NULL,
  last_seen_at timestamptz
);

-- +migrate Down
DROP TABLE devices;
