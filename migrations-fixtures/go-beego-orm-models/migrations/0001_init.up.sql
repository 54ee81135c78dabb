CREATE TABLE registry (
  id SERIAL PRIMARY KEY,
  url TEXT NOT NULL,
  name TEXT NOT NULL,
  insecure BOOLEAN NOT NULL DEFAULT false,
  creation_time TIMESTAMP,
  owner_id INT
);
CREATE TABLE hub_audit_log (
  id SERIAL PRIMARY KEY,
  operation TEXT,
  op_time TIMESTAMP
);
CREATE TABLE label (
  id SERIAL PRIMARY KEY,
  name TEXT
);
CREATE TABLE job_log (
  log_id SERIAL PRIMARY KEY,
  content TEXT
);
CREATE TABLE tag (
  id SERIAL PRIMARY KEY,
  name TEXT
);
