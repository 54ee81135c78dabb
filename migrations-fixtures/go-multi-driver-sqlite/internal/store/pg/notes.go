package pg

import (
	"context"
	"database/sql"
)

func Recent(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id, title, pinned FROM notes ORDER BY created_at DESC LIMIT 20")
}
