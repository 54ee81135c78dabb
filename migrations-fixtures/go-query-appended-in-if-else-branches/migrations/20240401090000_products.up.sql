CREATE TABLE products (
    id bigserial PRIMARY KEY,
    shop_id bigint NOT NULL,
    title text NOT NULL,
    price_cents integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

-- Archived rows are moved here; they are never soft-deleted.
CREATE TABLE archived_products (
    id bigint PRIMARY KEY,
    shop_id bigint NOT NULL,
    title text NOT NULL,
    archived_at timestamptz NOT NULL DEFAULT now()
);
