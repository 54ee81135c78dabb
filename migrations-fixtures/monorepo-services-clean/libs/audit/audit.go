// Package audit is shared by every service: each passes its own pool.
package audit

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func UserExists(ctx context.Context, pool *pgxpool.Pool, id int64) (bool, error) {
	var ok bool
	err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)`, id).Scan(&ok)
	return ok, err
}
