-- name: GetBook :one
SELECT * FROM books
WHERE id = sqlc.arg(book_id);

-- name: ListBooksByAuthors :many
SELECT b.*, a.name AS author_name
FROM books b
JOIN authors a ON a.id = b.author_id
WHERE a.id = ANY(@author_ids::bigint[])
  AND (sqlc.narg(title)::text IS NULL OR b.title = sqlc.narg(title));

-- name: BooksWithAuthors :many
SELECT sqlc.embed(books), sqlc.embed(authors)
FROM books
JOIN authors ON authors.id = books.author_id
WHERE books.title ILIKE sqlc.arg('pattern');

-- name: CreateBook :one
INSERT INTO books (author_id, title, isbn, published_on)
VALUES (@author_id, @title, @isbn, sqlc.narg(published_on))
RETURNING *;

-- name: UpdateBio :exec
UPDATE authors SET bio = sqlc.arg(bio) WHERE id = sqlc.arg(id);

-- name: ListBooksInSeries :many
SELECT id, title, series_position
FROM books
WHERE author_id = sqlc.arg(author_id)
ORDER BY series_position;

-- name: PurgeOrphanBooks :execresult
WITH orphans AS (
    SELECT b.id FROM books b
    WHERE NOT EXISTS (SELECT 1 FROM authors a WHERE a.id = b.author_id)
)
DELETE FROM books WHERE id IN (SELECT id FROM orphans);

-- sqlc generates only the statement above: this one has no name comment and never runs.
DELETE FROM books WHERE id IN (SELECT id FROM orphans);
