-- +goose Up
CREATE TABLE tenants (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES tenants (id),
  provider text NOT NULL,
  output text NOT NULL,
  tokens_used int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE llm_results;
DROP TABLE tenants;
