package lake

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func MarkExported(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	_, err := pool.Exec(ctx, `UPDATE uploads SET status = 'exported' WHERE id = $1`, id)
	return err
}
