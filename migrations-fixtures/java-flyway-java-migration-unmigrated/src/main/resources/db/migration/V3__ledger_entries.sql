CREATE TABLE ledger_entries (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount_cents bigint NOT NULL,
    region text NOT NULL
);
