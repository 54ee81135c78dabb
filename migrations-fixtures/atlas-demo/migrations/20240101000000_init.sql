CREATE TABLE llm_results (
  id bigserial PRIMARY KEY,
  prompt_hash text NOT NULL,
  output text
);
