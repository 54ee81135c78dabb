CREATE TABLE entries (
  id bigserial PRIMARY KEY,
  entryable_id bigint NOT NULL,
  amount numeric NOT NULL,
  excluded boolean NOT NULL DEFAULT false
);
CREATE TABLE categories (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);
