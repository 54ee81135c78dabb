CREATE TABLE playlist (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE track (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE label (code text PRIMARY KEY, name text NOT NULL);
