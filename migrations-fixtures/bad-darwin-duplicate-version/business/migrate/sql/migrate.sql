-- Version: 1.01
-- Description: Create table accounts
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

-- Version: 1.01
-- Description: Add balance (the version was not bumped)
ALTER TABLE accounts ADD COLUMN balance bigint NOT NULL DEFAULT 0;
