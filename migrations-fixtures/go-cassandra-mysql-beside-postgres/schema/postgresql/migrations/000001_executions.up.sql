CREATE TABLE executions (
  namespace_id uuid NOT NULL,
  workflow_id text NOT NULL,
  run_id uuid NOT NULL,
  state bytea NOT NULL,
  PRIMARY KEY (namespace_id, workflow_id, run_id)
);
