ALTER TABLE media.assets ADD COLUMN IF NOT EXISTS size_bytes bigint;
