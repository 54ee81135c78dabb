CREATE TABLE executions (
  namespace_id BINARY(16) NOT NULL,
  workflow_id VARCHAR(255) NOT NULL,
  run_id BINARY(16) NOT NULL,
  state MEDIUMBLOB NOT NULL,
  next_event_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (namespace_id, workflow_id, run_id)
) ENGINE=InnoDB;
