-- migrate:up
CREATE TABLE customers (
    id     bigserial PRIMARY KEY,
    email  text NOT NULL UNIQUE
);

CREATE TABLE invoices (
    id            bigserial PRIMARY KEY,
    customer_id   bigint NOT NULL REFERENCES customers (id),
    amount_cents  bigint NOT NULL,
    issued_on     date NOT NULL
);

-- migrate:down
DROP TABLE invoices;
DROP TABLE customers;
