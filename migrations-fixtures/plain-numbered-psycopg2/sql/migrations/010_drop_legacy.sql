DROP TABLE reminders_legacy;
ALTER TABLE owners ADD COLUMN email text;
