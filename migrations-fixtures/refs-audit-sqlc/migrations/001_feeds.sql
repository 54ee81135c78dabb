CREATE TABLE feeds (
    id          serial PRIMARY KEY,
    url         text NOT NULL UNIQUE,
    title       text,
    fetched_at  timestamptz
);

CREATE TABLE items (
    id         bigserial PRIMARY KEY,
    feed_id    int NOT NULL REFERENCES feeds (id),
    guid       text NOT NULL,
    link       text NOT NULL,
    published  timestamptz,
    UNIQUE (feed_id, guid)
);
