-- Which model produced each result: the batch worker writes it from this release on.
ALTER TABLE llm_results ADD COLUMN model_version text;
