package driver

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

// PgxExecutor runs the statements its callers give on a pgx transaction.
type PgxExecutor struct{ dbtx pgx.Tx }

func (e *PgxExecutor) Exec(ctx context.Context, sql string, args ...any) error {
	_, err := e.dbtx.Exec(ctx, sql, args...)
	return err
}

func (e *PgxExecutor) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return e.dbtx.QueryRow(ctx, sql, args...)
}

// SQLExecutor is the same on database/sql, under the names pgx uses.
type SQLExecutor struct{ dbtx *sql.Tx }

func (e *SQLExecutor) Exec(ctx context.Context, query string, args ...any) error {
	_, err := e.dbtx.ExecContext(ctx, query, args...)
	return err
}
