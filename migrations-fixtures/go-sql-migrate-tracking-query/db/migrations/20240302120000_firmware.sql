-- +migrate Up
ALTER TABLE devices ADD COLUMN firmware text;

-- +migrate Down
ALTER TABLE devices DROP COLUMN firmware;
