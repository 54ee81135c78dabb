CREATE TABLE purchase_orders (
    id BIGINT PRIMARY KEY,
    created_at TIMESTAMPTZ,
    reference TEXT
);
