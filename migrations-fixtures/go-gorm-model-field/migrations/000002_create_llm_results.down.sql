DROP TABLE llm_results;
