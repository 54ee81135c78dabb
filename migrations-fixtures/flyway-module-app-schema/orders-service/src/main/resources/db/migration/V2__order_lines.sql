SET search_path TO shop;

CREATE TABLE order_lines (
    order_id   BIGINT  NOT NULL REFERENCES orders (id),
    sku        TEXT    NOT NULL,
    quantity   INTEGER NOT NULL
);
