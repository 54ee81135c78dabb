CREATE TABLE invoice (
    id BIGSERIAL PRIMARY KEY,
    total_cents BIGINT NOT NULL
);

CREATE TABLE refund (
    id BIGSERIAL PRIMARY KEY,
    invoice_id BIGINT NOT NULL REFERENCES invoice (id)
);

CREATE TABLE audit_entry (
    id BIGSERIAL PRIMARY KEY,
    action TEXT NOT NULL
);

-- Kept from the 2019 coupon system; the application no longer reads it.
CREATE TABLE legacy_coupon (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL
);
