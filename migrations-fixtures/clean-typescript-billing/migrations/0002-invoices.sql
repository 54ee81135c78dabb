CREATE TABLE billing.invoices (
    id               bigserial PRIMARY KEY,
    subscription_id  bigint NOT NULL REFERENCES billing.subscriptions (id),
    period_start     date NOT NULL,
    period_end       date NOT NULL,
    amount_cents     int NOT NULL,
    status           text NOT NULL DEFAULT 'open',
    UNIQUE (subscription_id, period_start)
);
