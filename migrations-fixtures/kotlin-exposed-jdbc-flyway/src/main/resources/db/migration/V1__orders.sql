CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer    text NOT NULL,
    total_cents bigint NOT NULL,
    placed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id),
    sku      text NOT NULL,
    quantity int NOT NULL
);
