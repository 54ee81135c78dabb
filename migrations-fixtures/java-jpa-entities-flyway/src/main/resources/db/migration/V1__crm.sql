CREATE TABLE customers (
    id         bigserial PRIMARY KEY,
    full_name  text NOT NULL,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_tickets (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    subject     text NOT NULL
);
