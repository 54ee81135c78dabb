CREATE TABLE spaces (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  settings jsonb
);

CREATE TABLE space_members (
  id uuid PRIMARY KEY,
  space_id uuid NOT NULL REFERENCES spaces (id),
  user_id uuid NOT NULL,
  role text NOT NULL
);

CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
