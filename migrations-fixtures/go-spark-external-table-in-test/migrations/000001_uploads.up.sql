CREATE TABLE uploads (
    id BIGSERIAL PRIMARY KEY,
    namespace TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting'
);
