ALTER TABLE circulation.loans DROP COLUMN due_at;
ALTER TABLE circulation.loans SET SCHEMA public;
DROP SCHEMA circulation;
