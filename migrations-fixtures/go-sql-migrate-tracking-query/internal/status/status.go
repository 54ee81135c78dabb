// Package status serves the health page: the newest schema migration sql-migrate recorded and
// the devices that reported in.
package status

import (
	"context"
	"database/sql"
)

// SchemaVersion is the file name of the newest migration sql-migrate applied.
func SchemaVersion(ctx context.Context, db *sql.DB) (string, error) {
	var id string
	err := db.QueryRowContext(ctx, "SELECT id FROM gorp_migrations ORDER BY applied_at DESC LIMIT 1").Scan(&id)
	return id, err
}

// Stale lists devices that have not reported in since the cutoff.
func Stale(ctx context.Context, db *sql.DB, cutoff string) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id, label, firmware FROM devices WHERE last_seen_at < $1", cutoff)
}
