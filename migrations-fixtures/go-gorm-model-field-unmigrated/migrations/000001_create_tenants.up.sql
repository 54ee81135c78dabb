CREATE TABLE tenants (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);
