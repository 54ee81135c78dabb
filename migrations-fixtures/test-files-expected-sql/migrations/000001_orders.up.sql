CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    state text NOT NULL,
    total_cents bigint NOT NULL
);
