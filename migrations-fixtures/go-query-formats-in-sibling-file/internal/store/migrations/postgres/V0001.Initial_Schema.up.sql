CREATE TABLE IF NOT EXISTS user_settings (
    id SERIAL PRIMARY KEY,
    username VARCHAR(100) NOT NULL UNIQUE,
    preferred_method VARCHAR(16) NOT NULL
);
