CREATE TABLE tenants (
  id serial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE llm_usage (
  id bigserial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id),
  model text NOT NULL,
  cached boolean NOT NULL DEFAULT false,
  prompt_tokens integer NOT NULL
);

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id),
  prompt text NOT NULL,
  attempts integer NOT NULL DEFAULT 0
);
