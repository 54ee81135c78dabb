package migrations

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationNoTxContext(upJobsExternalID, downJobsExternalID)
}

// The index is built concurrently, one statement per call, so it runs outside a transaction.
func upJobsExternalID(ctx context.Context, db *sql.DB) error {
	table := "jobs"
	_, err := db.ExecContext(ctx, fmt.Sprintf("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS %s_external_id ON %s (external_id)", table, table))
	return err
}

func downJobsExternalID(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "DROP INDEX CONCURRENTLY IF EXISTS jobs_external_id")
	return err
}
