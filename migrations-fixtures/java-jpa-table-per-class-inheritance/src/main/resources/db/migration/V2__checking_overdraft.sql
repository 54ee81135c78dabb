ALTER TABLE checking_account ADD COLUMN overdraft_limit NUMERIC(14, 2);
