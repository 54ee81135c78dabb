-- +goose Up
CREATE TABLE depots (
    id    serial PRIMARY KEY,
    name  text NOT NULL,
    city  text NOT NULL
);

CREATE TABLE vehicles (
    id           bigserial PRIMARY KEY,
    depot_id     int NOT NULL REFERENCES depots (id),
    plate        text NOT NULL UNIQUE,
    odometer_km  integer NOT NULL DEFAULT 0,
    retired      boolean NOT NULL DEFAULT false
);

-- +goose Down
DROP TABLE vehicles;
DROP TABLE depots;
