INSERT INTO note_tag (note_id, tag) SELECT note_id, label FROM event_log;
DROP TABLE IF EXISTS event_log;
