ALTER TABLE tickets ADD COLUMN priority smallint NOT NULL DEFAULT 3;
