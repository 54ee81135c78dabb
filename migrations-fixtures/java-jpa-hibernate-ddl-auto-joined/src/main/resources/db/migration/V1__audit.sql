CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    event TEXT NOT NULL
);
