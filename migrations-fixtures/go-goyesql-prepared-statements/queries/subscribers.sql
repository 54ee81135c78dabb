-- name: get-subscriber
SELECT id, email, name, created_at FROM subscribers WHERE id = $1;

-- name: insert-subscriber
INSERT INTO subscribers (email, name, status) VALUES ($1, $2, $3) RETURNING id;

-- name: query-subscribers
-- raw: 1
SELECT id, email, name FROM subscribers WHERE %query% ORDER BY %order% LIMIT $1;

-- name: get-db-info
SELECT JSON_BUILD_OBJECT('version', (SELECT VERSION()), 'size_mb', (SELECT pg_database_size(current_database()) / 1048576));
