package crdb

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

// Now is CockroachDB's HLC timestamp: the revision of everything written after it.
func (s *Store) Now(ctx context.Context) (string, error) {
	var ts string
	err := s.pool.QueryRow(ctx, `SELECT cluster_logical_timestamp()`).Scan(&ts)
	return ts, err
}

func (s *Store) WriteMetadata(ctx context.Context, key string, md []byte) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO transaction_metadata (key, metadata) VALUES ($1, $2)`, key, md)
	return err
}
