CREATE TABLE executions_visibility (
  namespace_id text NOT NULL,
  run_id text NOT NULL,
  workflow_type_name text NOT NULL,
  status integer NOT NULL,
  start_time timestamptz NOT NULL,
  PRIMARY KEY (namespace_id, run_id)
);
