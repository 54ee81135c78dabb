CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner_email text NOT NULL,
    balance_cents bigint NOT NULL DEFAULT 0
);
