-- migrate:up
CREATE TABLE tenants (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES tenants (id),
  prompt_hash text NOT NULL,
  output text NOT NULL,
  tokens_used integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE llm_results;
DROP TABLE tenants;
