-- +migrate Up
CREATE TABLE players (
  id UUID PRIMARY KEY,
  handle VARCHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE matches (
  id UUID PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL
);

-- +migrate Down
DROP TABLE IF EXISTS matches;
DROP TABLE IF EXISTS players;
