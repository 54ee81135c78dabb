CREATE TABLE aws_region (
  id bigserial PRIMARY KEY,
  name varchar NOT NULL UNIQUE,
  endpoint varchar NOT NULL
);
