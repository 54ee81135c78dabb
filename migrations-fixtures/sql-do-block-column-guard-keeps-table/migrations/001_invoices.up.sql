CREATE TABLE invoices (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  amount_cents bigint NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
