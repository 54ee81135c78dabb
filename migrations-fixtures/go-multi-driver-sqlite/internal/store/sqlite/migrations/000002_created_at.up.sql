ALTER TABLE notes RENAME TO notes_old;
CREATE TABLE notes (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    created_at text NOT NULL DEFAULT ''
);
INSERT INTO notes (id, title, body, created_at) SELECT id, title, body, modified FROM notes_old;
DROP TABLE notes_old;
