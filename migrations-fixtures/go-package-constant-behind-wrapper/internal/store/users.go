package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Emails(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT email FROM users ORDER BY email")
}

func (s *Store) Normalize(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, normalizeQuery)
	return err
}

// exec is the package's own database call: what runs is touchQuery, from queries.go.
func (s *Store) Touch(ctx context.Context, id int64) error {
	return exec(ctx, s.db, touchQuery, id)
}
