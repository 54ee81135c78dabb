CREATE TABLE volumes (id serial PRIMARY KEY, handle text NOT NULL, state text NOT NULL);
CREATE TABLE build_inputs (build_id integer NOT NULL, resource_id integer NOT NULL, first_occurrence boolean NOT NULL);
