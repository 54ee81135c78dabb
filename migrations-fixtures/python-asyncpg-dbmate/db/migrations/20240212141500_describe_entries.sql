-- migrate:up
ALTER TABLE journal_entries RENAME COLUMN memo TO description;
ALTER TABLE accounts ADD COLUMN display_name text;
UPDATE accounts SET display_name = name;
ALTER TABLE accounts DROP COLUMN name;

-- migrate:down
ALTER TABLE accounts ADD COLUMN name text;
UPDATE accounts SET name = display_name;
ALTER TABLE accounts DROP COLUMN display_name;
ALTER TABLE journal_entries RENAME COLUMN description TO memo;
