package main

import (
	"context"
	"database/sql"
	"fmt"
)

// Prints the schema version golang-migrate recorded, for the on-call runbook.
func printVersion(ctx context.Context, db *sql.DB) error {
	var version int64
	var dirty bool
	if err := db.QueryRowContext(ctx, "SELECT version, dirty FROM schema_migrations LIMIT 1").Scan(&version, &dirty); err != nil {
		return err
	}
	fmt.Printf("schema version %d (dirty: %v)\n", version, dirty)
	return nil
}
