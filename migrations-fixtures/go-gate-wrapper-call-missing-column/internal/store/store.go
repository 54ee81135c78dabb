package store

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

// Store runs the account queries; run is the one place that talks to PostgreSQL.
type Store struct {
	db    *sql.DB
	cache *Cache
}

func (s *Store) run(ctx context.Context, query string, args ...any) error {
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}
