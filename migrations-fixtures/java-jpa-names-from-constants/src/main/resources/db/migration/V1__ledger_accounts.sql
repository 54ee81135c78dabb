CREATE TABLE ledger_accounts (
    id            BIGINT PRIMARY KEY,
    account_no    TEXT NOT NULL,
    note          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    audit_updated_by TEXT
);
