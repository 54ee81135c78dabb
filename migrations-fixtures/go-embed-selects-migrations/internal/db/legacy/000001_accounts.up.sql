-- The schema before the rewrite; kept for reference, never run.
CREATE TABLE accounts (
  id serial PRIMARY KEY,
  email varchar(255) NOT NULL,
  api_key varchar(64)
);
CREATE TABLE api_tokens (id serial PRIMARY KEY, account_id int NOT NULL, token text NOT NULL);
INSERT INTO accounts (email) VALUES 'admin@example.com';
