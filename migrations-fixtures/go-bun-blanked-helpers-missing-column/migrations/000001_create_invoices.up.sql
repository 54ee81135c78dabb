CREATE TABLE invoices (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  amount_cents bigint NOT NULL,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT current_timestamp
);
