CREATE TABLE vehicles (
    id BIGSERIAL PRIMARY KEY,
    plate TEXT NOT NULL
);

CREATE TABLE truck (
    id BIGINT PRIMARY KEY REFERENCES vehicles (id),
    axle_count INTEGER
);

CREATE TABLE vans (
    id BIGINT PRIMARY KEY REFERENCES vehicles (id),
    seats INTEGER
);
