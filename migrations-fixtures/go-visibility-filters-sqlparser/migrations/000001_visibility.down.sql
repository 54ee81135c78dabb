DROP TABLE executions_visibility;
