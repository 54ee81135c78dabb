package store

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// The store's handle: each method hands its SQL to the driver's method of the same name and
// converts the error. The SQL is each caller's, checked there.
type db struct {
	conn *sqlx.DB
}

func (d *db) ExecContext(ctx context.Context, stmt string, args ...any) (sql.Result, error) {
	res, err := d.conn.ExecContext(ctx, stmt, args...)
	return res, convert(err)
}

func (d *db) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return convert(d.conn.GetContext(ctx, dest, query, args...))
}

func convert(err error) error { return err }
