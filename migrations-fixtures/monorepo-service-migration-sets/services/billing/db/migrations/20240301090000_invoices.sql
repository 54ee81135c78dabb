-- migrate:up
CREATE TABLE invoices (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL,
  total_cents bigint NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE invoices;
