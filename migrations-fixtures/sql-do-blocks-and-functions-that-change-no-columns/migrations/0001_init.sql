CREATE SCHEMA IF NOT EXISTS files;
CREATE TABLE files.owners (id uuid PRIMARY KEY, email text NOT NULL);
CREATE TABLE files.blobs (id uuid PRIMARY KEY, owner_id uuid NOT NULL REFERENCES files.owners (id), name text NOT NULL);
CREATE TABLE files.audit (id bigserial PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now());
