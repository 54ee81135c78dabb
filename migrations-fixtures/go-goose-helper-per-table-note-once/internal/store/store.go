package store

import (
	"context"
	"database/sql"
)

func InvoiceTotal(ctx context.Context, db *sql.DB, id int64) (int64, error) {
	var total int64
	err := db.QueryRowContext(ctx, "SELECT total_cents FROM invoices WHERE id = $1", id).Scan(&total)
	return total, err
}

// The column the migration's helper adds: its statement is computed, so the name is not reported.
func RefundAudited(ctx context.Context, db *sql.DB, id int64) (sql.NullTime, error) {
	var at sql.NullTime
	err := db.QueryRowContext(ctx, "SELECT audited_at FROM refunds WHERE id = $1", id).Scan(&at)
	return at, err
}
