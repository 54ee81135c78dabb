-- name: Borrow :one
INSERT INTO circulation.loans (book_id, member_id, due_at)
VALUES ($1, $2, now() + interval '21 days')
RETURNING *;

-- name: ReturnBook :exec
UPDATE circulation.loans SET returned_at = now() WHERE id = $1 AND returned_at IS NULL;

-- name: OpenLoansLegacy :many
-- Still reads the old table name from before 000002.
SELECT id, book_id FROM loans WHERE returned_at IS NULL;

-- name: Overdue :many
SELECT loan_id, email, title, due_at FROM circulation.overdue ORDER BY due_at;

-- name: MemberHistory :many
SELECT l.borrowed_at, l.returned_at, b.title
FROM circulation.loans l
JOIN catalog.books b ON b.id = l.book_id
WHERE l.member_id = sqlc.arg(member_id)
ORDER BY l.borrowed_at DESC;
