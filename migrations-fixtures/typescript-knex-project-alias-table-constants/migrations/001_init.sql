CREATE TABLE jobs (
    name text NOT NULL,
    bucket timestamptz NOT NULL,
    stage text NOT NULL,
    attempt_count integer NOT NULL DEFAULT 0,
    finished_at timestamptz,
    PRIMARY KEY (name, bucket)
);

CREATE TABLE roles (id serial PRIMARY KEY, name text NOT NULL, project text);
CREATE TABLE role_user (role_id integer NOT NULL REFERENCES roles (id), user_id integer NOT NULL);
CREATE TABLE events (id serial PRIMARY KEY, integration_id integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
