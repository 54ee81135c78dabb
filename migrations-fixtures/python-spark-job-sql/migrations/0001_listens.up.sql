CREATE TABLE listens (
    id         bigserial PRIMARY KEY,
    user_id    bigint      NOT NULL,
    track_name text        NOT NULL,
    listened_at timestamptz NOT NULL
);
