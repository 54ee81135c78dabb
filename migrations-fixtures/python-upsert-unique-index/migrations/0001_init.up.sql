CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL,
  prompt_hash text NOT NULL,
  output text,
  CONSTRAINT llm_results_tenant_prompt UNIQUE (tenant_id, prompt_hash)
);

CREATE TABLE usage_counters (
  tenant_id bigint NOT NULL,
  day date NOT NULL,
  tokens bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX usage_counters_live ON usage_counters (tenant_id, day) WHERE tokens >= 0;
