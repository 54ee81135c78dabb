CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total_cents integer NOT NULL,
    status text NOT NULL DEFAULT 'open',
    placed_at timestamptz
);

CREATE FUNCTION touch_placed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.placed_at := coalesce(NEW.placed_at, now());
    RETURN NEW;
END;
$$;

CREATE TRIGGER orders_placed_at BEFORE INSERT ON orders
    FOR EACH ROW EXECUTE FUNCTION touch_placed_at();
