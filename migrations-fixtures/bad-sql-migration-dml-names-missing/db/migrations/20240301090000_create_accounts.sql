CREATE TABLE accounts (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    plan TEXT
);

CREATE TABLE audit_trail (
    id BIGSERIAL PRIMARY KEY,
    note TEXT
);
