CREATE TABLE depot (
    id BIGSERIAL PRIMARY KEY,
    depot_name TEXT NOT NULL,
    city TEXT NOT NULL
);

CREATE TABLE vehicles (
    id BIGSERIAL PRIMARY KEY,
    plate_number TEXT NOT NULL UNIQUE,
    model_year INT NOT NULL,
    depot_id BIGINT NOT NULL REFERENCES depot (id),
    mileage BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE trips (
    id BIGSERIAL PRIMARY KEY,
    vehicle_id BIGINT NOT NULL REFERENCES vehicles (id),
    started_at TIMESTAMPTZ,
    distance_km DOUBLE PRECISION NOT NULL DEFAULT 0
);
