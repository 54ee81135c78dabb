package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upAuditColumns, downAuditColumns)
}

// addAuditColumn runs once per table: its statement is built from the table's name.
func addAuditColumn(ctx context.Context, tx *sql.Tx, table string) error {
	_, err := tx.ExecContext(ctx, "ALTER TABLE "+table+" ADD COLUMN audited_at timestamptz")
	return err
}

func upAuditColumns(ctx context.Context, tx *sql.Tx) error {
	if err := addAuditColumn(ctx, tx, "invoices"); err != nil {
		return err
	}
	return addAuditColumn(ctx, tx, "refunds")
}

func downAuditColumns(ctx context.Context, tx *sql.Tx) error {
	return nil
}
