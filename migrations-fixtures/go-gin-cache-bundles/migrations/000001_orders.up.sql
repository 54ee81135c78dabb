CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    status      text NOT NULL DEFAULT 'new',
    total_cents integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
