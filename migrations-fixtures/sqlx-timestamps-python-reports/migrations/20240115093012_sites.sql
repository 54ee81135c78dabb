CREATE TABLE sites (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain    text NOT NULL UNIQUE,
    timezone  text NOT NULL DEFAULT 'UTC'
);
