CREATE TABLE wallets (id text PRIMARY KEY, name text NOT NULL, balance bigint NOT NULL DEFAULT 0);
