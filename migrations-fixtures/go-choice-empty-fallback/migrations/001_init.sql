CREATE TABLE builds (id serial PRIMARY KEY, name text, job_id integer);
CREATE TABLE build_inputs (build_id integer REFERENCES builds (id), resource text);
