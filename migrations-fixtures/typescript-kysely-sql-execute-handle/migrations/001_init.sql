CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL
);
