-- A stray comma before the closing parenthesis: psql would stop here too.
CREATE TABLE carriers (
    id    serial PRIMARY KEY,
    name  text NOT NULL,
);

ALTER TABLE shipments ADD COLUMN carrier_id int REFERENCES carriers (id);
