CREATE TABLE users (
    id       bigserial PRIMARY KEY,
    username text NOT NULL UNIQUE
);

CREATE TABLE sessions (
    id        bigserial PRIMARY KEY,
    user_id   bigint NOT NULL REFERENCES users (id),
    last_seen timestamptz NOT NULL DEFAULT now()
);
