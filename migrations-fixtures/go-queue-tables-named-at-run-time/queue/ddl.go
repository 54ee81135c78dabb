package queue

import (
	"context"
	"database/sql"
	"fmt"
)

type Handle struct {
	db     *sql.DB
	prefix string
}

// createDataset creates a new dataset's tables, always in the newest layout: the migrations
// never create them.
func (h *Handle) createDataset(ctx context.Context, tx *sql.Tx, index string) error {
	ds := newDataset(h.prefix, index)
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`CREATE TABLE %q (
		job_id BIGSERIAL PRIMARY KEY,
		workspace_id TEXT NOT NULL DEFAULT '',
		payload JSONB NOT NULL,
		created_at TIMESTAMPTZ NOT NULL DEFAULT NOW())`, ds.JobTable)); err != nil {
		return fmt.Errorf("creating %s: %w", ds.JobTable, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`CREATE TABLE %q (
		id BIGSERIAL PRIMARY KEY,
		job_id BIGINT NOT NULL,
		job_state VARCHAR(64),
		exec_time TIMESTAMPTZ NOT NULL DEFAULT NOW())`, ds.StatusTable)); err != nil {
		return fmt.Errorf("creating %s: %w", ds.StatusTable, err)
	}
	return nil
}

func (h *Handle) NodeCount(ctx context.Context) (int, error) {
	var n int
	err := h.db.QueryRowContext(ctx, `SELECT count(*) FROM nodes`).Scan(&n)
	return n, err
}

func (h *Handle) Heartbeat(ctx context.Context, node string) error {
	_, err := h.db.ExecContext(ctx, `UPDATE node_heartbeats SET seen_at = now() WHERE node_id = $1`, node)
	return err
}
