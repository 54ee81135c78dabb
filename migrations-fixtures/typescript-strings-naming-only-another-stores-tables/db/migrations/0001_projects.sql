CREATE TABLE projects (
  id bigserial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deployments (
  id bigserial PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id),
  status text NOT NULL
);
