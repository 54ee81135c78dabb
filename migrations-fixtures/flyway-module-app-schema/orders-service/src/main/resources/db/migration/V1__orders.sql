CREATE SCHEMA IF NOT EXISTS shop;

CREATE TABLE shop.orders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT      NOT NULL,
    placed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
