-- Reaches every partition and every child table, as PostgreSQL applies it to them too.
ALTER TABLE page_views ADD COLUMN country char(2);
ALTER TABLE tracked_events ADD COLUMN session_id uuid;
