package sqlite

import (
	"context"
	"database/sql"
)

func TableExists(ctx context.Context, db *sql.DB, name string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&n)
	return n > 0, err
}

func ColumnExists(ctx context.Context, db *sql.DB, table, column string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info WHERE arg = ? AND name = ?", table, column).Scan(&n)
	return n > 0, err
}
