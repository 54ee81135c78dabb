package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upResetModelVersion, nil)
}

// The backfilled value was wrong: the column is dropped, to be added back by the next release.
func upResetModelVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `ALTER TABLE llm_results DROP COLUMN model_version`)
	return err
}
