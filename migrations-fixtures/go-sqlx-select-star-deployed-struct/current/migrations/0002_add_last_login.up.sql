ALTER TABLE users ADD COLUMN last_login_at timestamptz;
ALTER TABLE orders ADD COLUMN note text;
