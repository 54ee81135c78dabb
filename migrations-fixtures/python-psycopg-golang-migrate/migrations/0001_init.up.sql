CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL,
  prompt text NOT NULL,
  output text
);
