-- migrate:up
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    billing_email text NOT NULL,
    plan          text NOT NULL DEFAULT 'free'
);

CREATE TABLE invoices (
    id        bigserial PRIMARY KEY,
    user_id   bigint NOT NULL REFERENCES users (id),
    amount    numeric(12, 2) NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE invoices;
DROP TABLE users;
