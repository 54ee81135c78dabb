ALTER TABLE llm_results ADD COLUMN model_version text NOT NULL DEFAULT 'unknown';
