ALTER TABLE members ADD COLUMN invited_at timestamptz;
ALTER TABLE members ADD COLUMN invite_token text;
