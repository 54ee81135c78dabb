CREATE TABLE entries (
  entry_id BIGSERIAL PRIMARY KEY,
  entry_account_id BIGINT NOT NULL REFERENCES accounts (account_id),
  entry_amount BIGINT NOT NULL
);
