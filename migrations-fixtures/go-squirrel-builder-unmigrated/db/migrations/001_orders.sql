-- +goose Up
CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  email text NOT NULL
);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total_cents bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  shipped_at timestamptz
);

-- +goose Down
DROP TABLE orders;
DROP TABLE customers;
