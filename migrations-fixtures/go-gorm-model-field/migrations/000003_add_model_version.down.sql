ALTER TABLE llm_results DROP COLUMN model_version;
