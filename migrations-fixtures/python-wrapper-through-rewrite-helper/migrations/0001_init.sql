CREATE TABLE wallets (id text PRIMARY KEY, user_id text NOT NULL, name text NOT NULL, balance bigint NOT NULL DEFAULT 0);
