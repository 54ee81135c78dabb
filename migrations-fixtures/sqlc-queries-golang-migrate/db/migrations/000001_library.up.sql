CREATE SCHEMA catalog;

CREATE TABLE catalog.authors (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL,
    born_year  int
);

CREATE TABLE catalog.books (
    id           bigserial PRIMARY KEY,
    author_id    bigint NOT NULL REFERENCES catalog.authors (id),
    title        text NOT NULL,
    isbn         text UNIQUE,
    published    date,
    tags         text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE members (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    joined_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE loans (
    id           bigserial PRIMARY KEY,
    book_id      bigint NOT NULL REFERENCES catalog.books (id),
    member_id    bigint NOT NULL REFERENCES members (id),
    borrowed_at  timestamptz NOT NULL DEFAULT now(),
    returned_at  timestamptz
);
