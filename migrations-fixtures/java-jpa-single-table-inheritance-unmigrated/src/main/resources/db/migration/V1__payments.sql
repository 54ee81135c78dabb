CREATE TABLE payments (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(31) NOT NULL,
    amount NUMERIC(12, 2),
    paid_on DATE,
    card_brand TEXT,
    bank_code TEXT
);

CREATE TABLE reminder (
    id BIGINT PRIMARY KEY,
    dtype VARCHAR(31) NOT NULL,
    note TEXT,
    address TEXT
);
