CREATE TABLE boards (
    id         BIGINT PRIMARY KEY,
    title      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ
);

CREATE TABLE pin_categories (
    id   BIGINT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE leafs (
    id    BIGINT PRIMARY KEY,
    color TEXT
);
