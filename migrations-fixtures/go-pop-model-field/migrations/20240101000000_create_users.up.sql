CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  banned_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
