CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL
);

CREATE TABLE user_preferences (
    username TEXT PRIMARY KEY,
    method TEXT NOT NULL
);
