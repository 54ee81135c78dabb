-- +migrate Down
ALTER TABLE players DROP COLUMN region;

-- +migrate Up
ALTER TABLE players ADD COLUMN region TEXT NOT NULL DEFAULT 'eu';
