package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

// run sends a statement its callers build.
func (s *Store) run(ctx context.Context, statement string) error {
	_, err := s.pool.Exec(ctx, statement)
	return err
}

const pickColumns = "id, state"

func (s *Store) Pick(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "UPDATE jobs SET picked_at = now() WHERE state = 'queued'")
	return err
}
