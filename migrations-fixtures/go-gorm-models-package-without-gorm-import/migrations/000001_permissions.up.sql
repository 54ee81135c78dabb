CREATE TABLE api_permissions (
  id TEXT PRIMARY KEY,
  api_id TEXT NOT NULL,
  key TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
