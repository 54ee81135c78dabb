CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  created_at timestamptz,
  updated_at timestamptz,
  deleted_at timestamptz,
  tenant_id bigint NOT NULL REFERENCES tenants (id),
  provider text NOT NULL,
  prompt_hash text NOT NULL,
  output text NOT NULL,
  tokens_used int NOT NULL DEFAULT 0
);
CREATE INDEX idx_llm_results_deleted_at ON llm_results (deleted_at);
