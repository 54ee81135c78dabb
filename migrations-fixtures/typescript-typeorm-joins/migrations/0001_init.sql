CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE photos (
  id serial PRIMARY KEY,
  caption text NOT NULL,
  owner_id integer REFERENCES users (id),
  "approvedById" integer REFERENCES users (id)
);
