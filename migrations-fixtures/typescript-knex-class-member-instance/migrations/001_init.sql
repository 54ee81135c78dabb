CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_time bigint NOT NULL
);
