CREATE TABLE data_sources (id serial PRIMARY KEY, name text NOT NULL, kind text NOT NULL);
