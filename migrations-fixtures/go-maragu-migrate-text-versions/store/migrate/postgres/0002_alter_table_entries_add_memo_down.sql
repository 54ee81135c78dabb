ALTER TABLE entries DROP COLUMN entry_memo;
