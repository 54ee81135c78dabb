CREATE TABLE work_pool (id uuid PRIMARY KEY, name text NOT NULL, concurrency integer);
