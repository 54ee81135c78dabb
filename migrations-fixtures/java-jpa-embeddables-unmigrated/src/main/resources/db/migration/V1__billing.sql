-- Without the billing address's city, the invoice's currency and the order line's number.
CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    name TEXT,
    street TEXT,
    city TEXT,
    zip TEXT,
    billing_street TEXT,
    billing_zip TEXT
);

CREATE TABLE invoices (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT REFERENCES customers (id),
    amount_cents BIGINT,
    currency TEXT
);

CREATE TABLE order_lines (
    order_id BIGINT NOT NULL,
    sku TEXT,
    PRIMARY KEY (order_id)
);
