-- A dropped column takes no name of an alias column list: after this, widgets' first two
-- columns are id and title.
ALTER TABLE widgets DROP COLUMN legacy_code;
