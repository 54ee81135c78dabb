CREATE SCHEMA ledger;
CREATE TABLE ledger.accounts (id bigint PRIMARY KEY, opened timestamptz, owner_name text);
