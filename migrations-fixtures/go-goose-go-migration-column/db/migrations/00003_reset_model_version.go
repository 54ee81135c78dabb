package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upResetModelVersion, nil)
}

// The backfilled value was wrong: the column is recreated empty.
func upResetModelVersion(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE llm_results DROP COLUMN model_version`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `ALTER TABLE llm_results ADD COLUMN model_version text`)
	return err
}
