CREATE TABLE users (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE devices (
    user_id bigint NOT NULL REFERENCES users (id),
    device_id text NOT NULL,
    display_name text,
    last_seen timestamptz,
    PRIMARY KEY (user_id, device_id)
);
