-- migrate:up
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    issued_on date NOT NULL,
    legacy_ref text
);

-- migrate:down
DROP TABLE invoices;
