ALTER TABLE reaction ADD COLUMN note_id integer REFERENCES note (id);
UPDATE reaction SET note_id = split_part(content_id, '/', 2)::integer;
ALTER TABLE reaction DROP COLUMN content_id;
