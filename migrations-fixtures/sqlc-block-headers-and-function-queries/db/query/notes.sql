/* name: GetNote :one */
SELECT id, title, body FROM notes WHERE id = $1;

/* name: ListTitles :many */
SELECT id, title FROM notes ORDER BY title from notes;

/* name: RenameNote :exec */
UPDATE notes SET title = sqlc.arg(title) WHERE id = sqlc.arg(id);
