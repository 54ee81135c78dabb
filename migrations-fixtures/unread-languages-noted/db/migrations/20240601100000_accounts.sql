-- migrate:up
CREATE TABLE accounts (
    id     bigserial PRIMARY KEY,
    email  text NOT NULL
);

-- migrate:down
DROP TABLE accounts;
