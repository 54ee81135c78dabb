package store

import (
	"context"

	_ "github.com/go-sql-driver/mysql"
	"github.com/huandu/go-sqlbuilder"
)

// MySQL's store has a schema of its own.
func (s *Store) MySQLBookmarkNotes(ctx context.Context, id int) error {
	sb := sqlbuilder.NewSelectBuilder()
	sb.Select("notes")
	sb.From("bookmark")
	sb.Where(sb.Equal("id", id))
	query, args := sb.Build()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}
