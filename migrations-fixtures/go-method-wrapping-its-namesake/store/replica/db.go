package replica

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// The read replica's handle: another type with the same methods (so a call of ExecContext on a
// value of unknown type may reach either).
type db struct {
	conn *sqlx.DB
}

func (r *db) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.conn.ExecContext(ctx, query, args...)
}

func (r *db) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return r.conn.GetContext(ctx, dest, query, args...)
}
