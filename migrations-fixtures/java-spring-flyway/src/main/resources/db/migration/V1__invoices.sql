CREATE TABLE customers (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    amount_cents bigint NOT NULL,
    status       text NOT NULL DEFAULT 'open',
    issued_at    timestamptz NOT NULL DEFAULT now()
);
