CREATE TABLE ledger_entries (
    id BIGINT PRIMARY KEY,
    booked_at TIMESTAMPTZ,
    amount_cents BIGINT
);
