ALTER TABLE customers RENAME COLUMN email TO email_address;
ALTER TABLE customers DROP COLUMN legacy_code;
DROP TABLE audit_log;
