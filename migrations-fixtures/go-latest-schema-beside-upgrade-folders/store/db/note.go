package db

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

type Store struct{ db *sql.DB }

func (s *Store) PinnedNotes(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, body, created_ts FROM note WHERE pinned ORDER BY created_ts DESC")
}

// The newest release reads a column that neither LATEST.sql nor an upgrade folder adds.
func (s *Store) ArchivedNotes(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, body FROM note WHERE archived_ts IS NOT NULL")
}

func (s *Store) Tags(ctx context.Context, id int) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT tag FROM note_tag WHERE note_id = $1", id)
}
