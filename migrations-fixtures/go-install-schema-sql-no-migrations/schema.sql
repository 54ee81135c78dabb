-- Installed by `app --install`; upgrades are Go functions in internal/migrations.
DROP TYPE IF EXISTS list_type CASCADE; CREATE TYPE list_type AS ENUM ('public', 'private');

CREATE TABLE IF NOT EXISTS lists (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    type        list_type NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS subscribers (
    id          SERIAL PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL
);
