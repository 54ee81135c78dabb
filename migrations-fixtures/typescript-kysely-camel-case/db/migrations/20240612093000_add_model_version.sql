-- migrate:up
ALTER TABLE llm_results ADD COLUMN model_version text NOT NULL DEFAULT 'unknown';

-- migrate:down
ALTER TABLE llm_results DROP COLUMN model_version;
