CREATE TABLE workflow_run (
    id UUID PRIMARY KEY,
    status TEXT NOT NULL
);

CREATE FUNCTION create_queue_partition(name TEXT) RETURNS void AS $$
BEGIN
  -- Partitions are recreated by the scheduler from workflow_run and the queue table.
  EXECUTE format('CREATE TABLE IF NOT EXISTS queue_%s (id UUID)', name);
END;
$$ LANGUAGE plpgsql;
