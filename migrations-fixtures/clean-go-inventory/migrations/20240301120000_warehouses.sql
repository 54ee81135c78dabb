-- +goose Up
CREATE TABLE warehouses (
    id       serial PRIMARY KEY,
    code     text NOT NULL UNIQUE,
    region   text NOT NULL
);

CREATE TABLE products (
    sku         text PRIMARY KEY,
    name        text NOT NULL,
    specs       jsonb NOT NULL DEFAULT '{}',
    category    text
);

CREATE TABLE stock (
    warehouse_id  int NOT NULL REFERENCES warehouses (id),
    sku           text NOT NULL REFERENCES products (sku),
    on_hand       int NOT NULL DEFAULT 0,
    reserved      int NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (warehouse_id, sku)
);

-- +goose Down
DROP TABLE stock;
DROP TABLE products;
DROP TABLE warehouses;
