-- The owner comes from the server's settings: only role names are built at run time.
DO $$
DECLARE
  admin_role text = coalesce(current_setting('files.admin_role', true), current_user);
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = admin_role) THEN
    EXECUTE 'CREATE USER ' || admin_role || ' NOLOGIN NOINHERIT';
  END IF;
  EXECUTE 'ALTER ROLE ' || admin_role || ' CREATEROLE';
  EXECUTE 'ALTER TABLE files.blobs OWNER TO ' || admin_role;
END$$;

-- A table whose foreign key reads owners; its index tried one way, then another.
DO $$
BEGIN
  CREATE TABLE IF NOT EXISTS files.links (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL REFERENCES files.owners (id) ON DELETE CASCADE,
    token text NOT NULL
  );
  BEGIN
    CREATE INDEX IF NOT EXISTS links_token_idx ON files.links USING hash (token);
  EXCEPTION WHEN others THEN
    CREATE INDEX IF NOT EXISTS links_token_idx ON files.links (token);
  END;
END$$;
