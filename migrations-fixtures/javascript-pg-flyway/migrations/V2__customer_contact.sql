-- Keep the unverified address; new sign-ups store a verified one in "email".
ALTER TABLE customers RENAME COLUMN email TO legacy_email;
ALTER TABLE customers ADD COLUMN email text;
ALTER TABLE customers RENAME COLUMN name TO full_name;
