CREATE TABLE shipments (
    id          bigserial PRIMARY KEY,
    tracking    text NOT NULL
);
