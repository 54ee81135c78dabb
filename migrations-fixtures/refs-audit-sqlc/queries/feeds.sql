-- name: UpsertItem :exec
INSERT INTO items (feed_id, guid, link, published)
VALUES (@feed_id, @guid, @link, @published)
ON CONFLICT (feed_id, guid) DO UPDATE SET link = EXCLUDED.link;

-- name: Stale :many
SELECT f.id, f.url FROM feeds f
WHERE f.fetched_at < now() - interval '1 hour' OR f.fetched_at IS NULL;

-- name: Latest :many
SELECT i.link, i.title, x.n
FROM items i, jsonb_array_elements_text(sqlc.arg(extra)::jsonb) AS x(n)
WHERE i.feed_id = ANY (sqlc.slice(feed_ids));

-- name: Subscribers :many
SELECT u.email FROM auth.users u JOIN feeds f ON f.id = @feed_id;
