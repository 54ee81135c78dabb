CREATE TABLE books (
    id         SERIAL PRIMARY KEY,
    title      TEXT NOT NULL,
    author_id  INTEGER NOT NULL,
    categories TEXT[] NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
