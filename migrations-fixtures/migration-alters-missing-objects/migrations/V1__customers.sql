CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL,
    legacy_code text
);
CREATE TABLE invoices (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total_cents bigint NOT NULL
);
CREATE TABLE audit_log (id bigserial PRIMARY KEY, entry text);
CREATE EXTENSION IF NOT EXISTS pgmq SCHEMA pgmq;
