-- name: GetBook :one
SELECT b.id, b.title, b.isbn, a.name AS author
FROM catalog.books b
JOIN catalog.authors a ON a.id = b.author_id
WHERE b.id = $1;

-- name: ListBooksByTag :many
SELECT id, title
FROM catalog.books
WHERE sqlc.arg(tag)::text = ANY (tags)
ORDER BY title
LIMIT sqlc.arg('limit');

-- name: SearchBooks :many
SELECT id, title, published
FROM catalog.books
WHERE title ILIKE '%' || @query::text || '%'
  AND (sqlc.narg(after)::date IS NULL OR published > sqlc.narg(after))
ORDER BY published DESC NULLS LAST;

-- name: BooksByIDs :many
SELECT id, title FROM catalog.books WHERE id = ANY (sqlc.slice(ids)::bigint[]);

-- name: UpsertAuthor :one
INSERT INTO catalog.authors (name, born_year)
VALUES (@name, @born_year)
RETURNING id;

-- name: AuthorsWithBookCount :many
SELECT a.name, a.nationality, count(b.id) AS books
FROM catalog.authors a
LEFT JOIN catalog.books b ON b.author_id = a.id
GROUP BY a.id
ORDER BY books DESC;
