-- +goose Up
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  external_id uuid NOT NULL,
  payload jsonb
);

CREATE TABLE job_runs (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL,
  attempt int NOT NULL
);

-- +goose Down
DROP TABLE job_runs;
DROP TABLE jobs;
