package users

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Rename(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	_, err := pool.Exec(ctx, `UPDATE users SET username = $2 WHERE id = $1`, id, name)
	return err
}
