CREATE TABLE user_setting (
    id       SERIAL,
    user_id  INTEGER NOT NULL,
    timezone TEXT
);

CREATE TABLE IF NOT EXISTS jobs (
    id       BIGSERIAL PRIMARY KEY,
    queue    TEXT NOT NULL,
    payload  JSONB NOT NULL
);
