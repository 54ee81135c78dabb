CREATE TABLE newsletters (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  title text NOT NULL
);
CREATE TABLE readers (
  id serial PRIMARY KEY,
  email text NOT NULL,
  newsletter_ids int[] NOT NULL DEFAULT '{}'
);
