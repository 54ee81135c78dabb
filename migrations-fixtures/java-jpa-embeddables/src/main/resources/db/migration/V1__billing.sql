CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    name TEXT,
    street TEXT,
    city TEXT,
    zip TEXT,
    billing_street TEXT,
    billing_city TEXT,
    billing_zip TEXT
);

CREATE TABLE invoices (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT REFERENCES customers (id),
    amount_cents BIGINT,
    total_currency TEXT
);

CREATE TABLE order_lines (
    order_id BIGINT NOT NULL,
    line_no INTEGER NOT NULL,
    sku TEXT,
    PRIMARY KEY (order_id, line_no)
);
