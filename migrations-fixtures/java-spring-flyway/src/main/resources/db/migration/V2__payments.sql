CREATE TABLE payments (
    id          bigserial PRIMARY KEY,
    invoice_id  bigint NOT NULL REFERENCES invoices (id),
    paid_cents  bigint NOT NULL,
    provider    text NOT NULL
);
