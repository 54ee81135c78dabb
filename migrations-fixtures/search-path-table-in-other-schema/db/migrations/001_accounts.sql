CREATE SCHEMA accounts;

CREATE TABLE accounts.members (
  id bigserial PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  member_id bigint NOT NULL,
  action text NOT NULL
);
