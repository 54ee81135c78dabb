CREATE TABLE swatches (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    shade_code TEXT
);
