-- Version: 1.01
-- Description: Create table notes
CREATE TABLE notes (
	note_id    UUID        NOT NULL,
	title      TEXT        NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (note_id)
);

-- Version: 1.02
-- Description: Notes by day (one statement: no semicolon needed)
CREATE VIEW notes_by_day AS
SELECT date_trunc('day', created_at) AS day, count(*) AS total FROM notes GROUP BY 1

-- Version: 1.03
-- Description: Pin notes
ALTER TABLE notes ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT false;
