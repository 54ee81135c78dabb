package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type Store struct{ db *sql.DB }

func (s *Store) User(ctx context.Context, id int64) *sql.Row {
	return s.db.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = $1 AND "+activeFilter, id)
}

func (s *Store) Search(ctx context.Context, orderBy string) (*sql.Rows, error) {
	q := fmt.Sprintf("SELECT %s FROM users WHERE %s ORDER BY %s LIMIT 50", userColumns, "email <> ''", orderBy)
	return s.db.QueryContext(ctx, q)
}

func (s *Store) Recent(ctx context.Context) (*sql.Rows, error) {
	where := strings.Join([]string{"created_at > now() - interval '7 days'", "email LIKE '%@%'"}, " AND ")
	return s.db.QueryContext(ctx, "SELECT id FROM users WHERE "+where)
}

func (s *Store) ByNickname(ctx context.Context, join string, nickname string) (*sql.Rows, error) {
	q := fmt.Sprintf("SELECT users.email FROM users %s WHERE users.nickname = $1", join)
	return s.db.QueryContext(ctx, q, nickname)
}
