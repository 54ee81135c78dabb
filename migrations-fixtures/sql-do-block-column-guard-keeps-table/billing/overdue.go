package billing

import (
	"context"
	"database/sql"
)

// Overdue lists unpaid invoices older than 30 days. "due_at" was never added: the reminder job
// fails with 42703 on its first run.
func Overdue(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT id, customer_id, amount_cents FROM invoices
		WHERE paid_at IS NULL AND due_at < now() - interval '30 days'`)
}
