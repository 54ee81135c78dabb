CREATE TABLE accounts (
  id serial PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  plan text NOT NULL DEFAULT 'free',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE posts (
  id serial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id),
  title text NOT NULL,
  body text NOT NULL,
  summary text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
