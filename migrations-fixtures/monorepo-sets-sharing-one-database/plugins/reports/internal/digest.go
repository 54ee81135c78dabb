package internal

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Due(ctx context.Context, pool *pgxpool.Pool, frequency string) (int, error) {
	var n int
	err := pool.QueryRow(ctx, `
		SELECT count(*) FROM users u
		JOIN reports r ON r.user_id = u.id
		JOIN sessions s ON s.user_id = u.id AND s.last_seen > now() - interval '30 days'
		WHERE u.report_frequency = $1 AND u.username <> ''`, frequency).Scan(&n)
	return n, err
}
