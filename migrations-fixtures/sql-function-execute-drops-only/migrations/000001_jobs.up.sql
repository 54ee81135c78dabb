CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    queue text NOT NULL,
    payload jsonb NOT NULL,
    finished_at timestamptz
);

CREATE TABLE retired_indexes (
    index_name text PRIMARY KEY,
    definition text NOT NULL
);
