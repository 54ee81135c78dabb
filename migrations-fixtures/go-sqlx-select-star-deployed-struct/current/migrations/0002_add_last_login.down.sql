ALTER TABLE orders DROP COLUMN note;
ALTER TABLE users DROP COLUMN last_login_at;
