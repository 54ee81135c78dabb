CREATE TABLE fagsak (
    id        UUID PRIMARY KEY,
    ekstern_id BIGSERIAL NOT NULL,
    stonadstype TEXT NOT NULL
);
