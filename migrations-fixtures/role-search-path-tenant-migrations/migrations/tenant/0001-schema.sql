CREATE SCHEMA IF NOT EXISTS media;

CREATE TABLE IF NOT EXISTS media.assets (
  id uuid PRIMARY KEY,
  bucket text NOT NULL,
  path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
  IF current_user <> 'postgres' THEN
    EXECUTE 'ALTER USER ' || current_user || ' SET search_path = "media"';
  END IF;
END$$;
