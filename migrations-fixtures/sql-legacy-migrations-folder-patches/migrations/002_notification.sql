CREATE TABLE notification (
    id SERIAL PRIMARY KEY,
    name VARCHAR(255),
    config TEXT
);
