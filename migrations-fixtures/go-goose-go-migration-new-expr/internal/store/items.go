package store

import (
	"context"
	"database/sql"
)

// SyncedItems lists the items whose children follow their location.
func SyncedItems(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT id, name FROM items WHERE sync_children`)
}
