package export

import (
	"context"
	"database/sql"
)

// BoolColumns lists a table's boolean columns, asking each engine its own way.
func BoolColumns(ctx context.Context, db *sql.DB, dialect, table string) (*sql.Rows, error) {
	query := `SELECT name FROM pragma_table_info(?) WHERE lower(type) IN ('bool', 'boolean')`
	if dialect == "postgres" {
		query = `SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 AND data_type = 'boolean'`
	}
	return db.QueryContext(ctx, query, table)
}
