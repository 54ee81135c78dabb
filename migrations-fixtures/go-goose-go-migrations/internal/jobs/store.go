package jobs

import (
	"context"
	"database/sql"
)

// Enqueue is idempotent on the caller's id: the unique index comes from a Go migration.
func Enqueue(ctx context.Context, db *sql.DB, externalID string, payload []byte) error {
	_, err := db.ExecContext(ctx, "INSERT INTO jobs (external_id, payload) VALUES ($1, $2) ON CONFLICT (external_id) DO NOTHING", externalID, payload)
	return err
}

// RecordRun upserts one attempt; no migration makes (job_id, attempt) unique.
func RecordRun(ctx context.Context, db *sql.DB, jobID int64, attempt int) error {
	_, err := db.ExecContext(ctx, "INSERT INTO job_runs (job_id, attempt) VALUES ($1, $2) ON CONFLICT (job_id, attempt) DO NOTHING", jobID, attempt)
	return err
}
