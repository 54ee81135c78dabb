CREATE TABLE savings_accounts (
    id BIGINT PRIMARY KEY,
    owner TEXT NOT NULL,
    balance_cents NUMERIC(14, 2),
    interest_rate NUMERIC(5, 4)
);

CREATE TABLE checking_account (
    id BIGINT PRIMARY KEY,
    owner TEXT NOT NULL,
    balance_cents NUMERIC(14, 2)
);
