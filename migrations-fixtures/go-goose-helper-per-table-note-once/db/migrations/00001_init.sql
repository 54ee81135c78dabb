-- +goose Up
CREATE TABLE invoices (id bigserial PRIMARY KEY, total_cents bigint NOT NULL);
CREATE TABLE refunds (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES invoices (id));

-- +goose Down
DROP TABLE refunds;
DROP TABLE invoices;
