CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ,
    updated_on TIMESTAMPTZ,
    created_by TEXT,
    display_name TEXT
);

CREATE TABLE invoice (
    id BIGSERIAL PRIMARY KEY,
    issued_at TIMESTAMPTZ,
    number TEXT
);
