ALTER TABLE user_settings ADD COLUMN locale VARCHAR(16);
