package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Orders struct{ pool *pgxpool.Pool }

func (o *Orders) Open(ctx context.Context, email string) (int64, error) {
	var id int64
	err := o.pool.QueryRow(ctx, `
		SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id
		WHERE u.email = $1 AND o.status = 'open'
		ORDER BY o.created_at DESC LIMIT 1`, email).Scan(&id)
	return id, err
}

func (o *Orders) Close(ctx context.Context, id int64) error {
	_, err := o.pool.Exec(ctx, `UPDATE orders SET status = 'closed' WHERE id = $1`, id)
	return err
}
