CREATE TABLE project_runs (
  id bigserial PRIMARY KEY,
  created_at timestamptz,
  updated_at timestamptz,
  deleted_at timestamptz,
  project_id bigint NOT NULL,
  status text NOT NULL DEFAULT 'queued'
);
CREATE INDEX idx_project_runs_deleted_at ON project_runs (deleted_at);

CREATE TABLE people (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE
);

CREATE TABLE inventory_widgets (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  label text NOT NULL
);

CREATE TABLE archived_runs (
  id bigserial PRIMARY KEY,
  archived_project bigint NOT NULL
);
