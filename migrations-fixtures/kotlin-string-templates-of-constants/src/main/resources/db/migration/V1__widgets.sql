CREATE TABLE owner (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE widget (id bigint PRIMARY KEY, owner_id bigint NOT NULL REFERENCES owner (id), label text NOT NULL);
