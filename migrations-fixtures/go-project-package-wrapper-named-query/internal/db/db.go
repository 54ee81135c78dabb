// Package db holds the pool every handler queries through.
package db

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var pool *pgxpool.Pool

func Open(ctx context.Context, url string) (err error) {
	pool, err = pgxpool.New(ctx, url)
	return err
}

// Query runs sql on the shared pool.
func Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return pool.Query(ctx, sql, args...)
}
