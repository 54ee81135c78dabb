CREATE TABLE owners (id bigserial PRIMARY KEY, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz, email text NOT NULL);
CREATE TABLE folders (
  id bigserial PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES owners (id),
  parent_folder_id bigint REFERENCES folders (id),
  path text NOT NULL
);
