-- Run with psql -v default_email=...: the variable is no column.
UPDATE accounts SET email = :default_email WHERE email = '';
