CREATE TABLE carts (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_items (
    cart_id bigint NOT NULL REFERENCES carts (id),
    sku text NOT NULL,
    quantity int NOT NULL,
    PRIMARY KEY (cart_id, sku)
);
