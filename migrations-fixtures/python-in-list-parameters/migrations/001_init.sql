CREATE TABLE flow_run (
    id uuid PRIMARY KEY,
    flow_id uuid NOT NULL,
    name text NOT NULL,
    state_type text,
    next_scheduled_start_time timestamptz
);
