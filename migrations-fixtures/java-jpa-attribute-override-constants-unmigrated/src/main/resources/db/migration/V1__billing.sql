CREATE TABLE invoices (
    id         BIGINT PRIMARY KEY,
    changed_at TIMESTAMPTZ
);
CREATE TABLE payments (
    id         BIGINT PRIMARY KEY,
    updated_at TIMESTAMPTZ
);
