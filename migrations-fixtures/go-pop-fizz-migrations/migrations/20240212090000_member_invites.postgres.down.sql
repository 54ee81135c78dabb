ALTER TABLE members DROP COLUMN invite_token;
ALTER TABLE members DROP COLUMN invited_at;
