CREATE TABLE order_lines (
    id        bigserial PRIMARY KEY,
    order_id  bigint NOT NULL REFERENCES orders (id),
    sku       text NOT NULL,
);
