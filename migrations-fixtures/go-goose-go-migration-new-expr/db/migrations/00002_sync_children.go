package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upSyncChildren, downSyncChildren)
}

// Adds the column only where an earlier release has not: new(expr) (Go 1.26) gives Scan a
// pointer to a string to fill.
func upSyncChildren(ctx context.Context, tx *sql.Tx) error {
	err := tx.QueryRowContext(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = 'items' AND column_name = 'sync_children'`).
		Scan(new("sync_children"))
	if err != nil {
		_, err = tx.ExecContext(ctx, `ALTER TABLE items ADD COLUMN sync_children boolean NOT NULL DEFAULT false`)
	}
	return err
}

func downSyncChildren(ctx context.Context, tx *sql.Tx) error { return nil }
