CREATE TABLE accounts (
  account_id BIGSERIAL PRIMARY KEY,
  account_name TEXT NOT NULL
);
