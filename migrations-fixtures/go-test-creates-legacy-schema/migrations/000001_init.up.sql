CREATE TABLE note (
    id serial PRIMARY KEY,
    body text NOT NULL
);
CREATE TABLE reaction (
    id serial PRIMARY KEY,
    creator_id integer NOT NULL,
    content_id text NOT NULL,
    kind text NOT NULL
);
