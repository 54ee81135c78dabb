package worker

import (
	"context"
	"database/sql"
)

// Pause shipped before the migration that adds paused_at to retired_indexes.
func Pause(ctx context.Context, db *sql.DB, name string) error {
	_, err := db.ExecContext(ctx, `UPDATE retired_indexes SET paused_at = now() WHERE index_name = $1`, name)
	return err
}

// Label names a column only add_tenant_column may have added.
func Label(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var label sql.NullString
	err := db.QueryRowContext(ctx, `SELECT tenant_label FROM jobs WHERE id = $1`, id).Scan(&label)
	return label.String, err
}
