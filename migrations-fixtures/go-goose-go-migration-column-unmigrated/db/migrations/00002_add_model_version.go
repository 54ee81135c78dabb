package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upAddModelVersion, downAddModelVersion)
}

const addModelVersion = `ALTER TABLE llm_results ADD COLUMN model_version text`

// Which model produced each result: the batch worker writes it from this release on. Old rows
// are backfilled with the only model used before.
func upAddModelVersion(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, addModelVersion); err != nil {
		return err
	}
	return backfillModelVersion(ctx, tx)
}

func backfillModelVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE llm_results SET model_version = 'gpt-4o-2024-05-13' WHERE model_version IS NULL")
	return err
}

func downAddModelVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "ALTER TABLE llm_results DROP COLUMN model_version")
	return err
}
