ALTER TABLE llm_results ADD COLUMN provider text;
CREATE UNIQUE INDEX llm_results_provider_hash ON llm_results (provider, prompt_hash);
DROP INDEX llm_results_provider_hash;
