-- The whole schema of the newest release: a new database is created from this file alone.
CREATE TABLE note (
  id SERIAL PRIMARY KEY,
  body TEXT NOT NULL,
  pinned BOOLEAN NOT NULL DEFAULT FALSE,
  created_ts BIGINT NOT NULL
);

CREATE TABLE note_tag (
  note_id INTEGER NOT NULL REFERENCES note(id),
  tag TEXT NOT NULL
);
