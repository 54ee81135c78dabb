CREATE TABLE pipelines (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE jobs (id serial PRIMARY KEY, pipeline_id integer REFERENCES pipelines (id), name text NOT NULL);
