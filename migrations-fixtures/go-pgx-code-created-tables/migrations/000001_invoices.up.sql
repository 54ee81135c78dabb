CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount_cents bigint NOT NULL,
    issued_on date NOT NULL,
    paid_on date
);
