CREATE TABLE members (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    nickname text
);

CREATE TABLE shifts (
    id bigserial PRIMARY KEY,
    member_id bigint REFERENCES members (id),
    backup_member_id bigint REFERENCES members (id),
    starts_at timestamptz NOT NULL
);
