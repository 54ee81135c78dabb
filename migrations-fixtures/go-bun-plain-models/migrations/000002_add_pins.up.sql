CREATE TABLE pins (
    id       BIGINT PRIMARY KEY,
    board_id BIGINT NOT NULL REFERENCES boards (id),
    url      TEXT NOT NULL
);
