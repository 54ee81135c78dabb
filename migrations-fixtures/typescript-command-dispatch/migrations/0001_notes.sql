CREATE TABLE notes (
  id serial PRIMARY KEY,
  user_id integer NOT NULL,
  title text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
