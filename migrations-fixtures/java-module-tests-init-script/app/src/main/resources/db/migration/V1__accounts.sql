CREATE TABLE account (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    legacy_id BIGINT
);
