CREATE TABLE imports (
    id serial PRIMARY KEY,
    source text NOT NULL
);
