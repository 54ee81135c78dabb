CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    "UserId"    uuid NOT NULL,
    referred_by bigint REFERENCES customers (id),
    attributes  jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE order_state AS ENUM ('cart', 'placed', 'paid', 'refunded');

CREATE TABLE orders (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    state        order_state NOT NULL DEFAULT 'cart',
    total_cents  bigint NOT NULL DEFAULT 0,
    line_items   jsonb NOT NULL DEFAULT '[]',
    placed_at    timestamptz
);

CREATE TABLE daily_totals (
    day          date PRIMARY KEY,
    orders       int NOT NULL,
    revenue      bigint NOT NULL
);
