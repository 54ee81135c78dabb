-- Queries without a FROM: each calls a function, and sqlc runs each as written.

-- name: CountNotes :one
SELECT note_count();

-- name: CountWords :one
SELECT note_word_count($1);
