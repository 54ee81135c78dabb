CREATE TABLE users (
    user_id  SERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL
);

CREATE TABLE greetings (
    greeting_id SERIAL PRIMARY KEY,
    greeting    TEXT NOT NULL
);
