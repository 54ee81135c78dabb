package billing

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) InvoiceTotal(ctx context.Context, id int64) (int64, error) {
	var cents int64
	err := s.db.QueryRowContext(ctx, `SELECT total_cents FROM invoices WHERE id = $1`, id).Scan(&cents)
	return cents, err
}

func (s *Store) Refunded(ctx context.Context, invoiceID int64) (int64, error) {
	var cents int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(cents), 0) FROM refunds WHERE invoice_id = $1`, invoiceID).Scan(&cents)
	return cents, err
}

func (s *Store) RecordPayout(ctx context.Context, id, accountID, cents int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO payouts (id, account_id, cents) VALUES ($1, $2, $3)`, id, accountID, cents)
	return err
}

func (s *Store) Revenue(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT month, cents FROM reporting.monthly_revenue ORDER BY month`)
}

// The rollup is in schema reporting, which the application's search path does not hold.
func (s *Store) Signups(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT day, signups FROM daily_signups ORDER BY day`)
}
