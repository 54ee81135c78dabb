CREATE TABLE animals (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    species TEXT NOT NULL,
    admitted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
