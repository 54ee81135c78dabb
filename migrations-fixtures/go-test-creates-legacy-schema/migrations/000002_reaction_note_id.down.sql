ALTER TABLE reaction ADD COLUMN content_id text;
ALTER TABLE reaction DROP COLUMN note_id;
