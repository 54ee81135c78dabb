CREATE TABLE people (id bigint PRIMARY KEY, given text NOT NULL, family text NOT NULL);
CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);
