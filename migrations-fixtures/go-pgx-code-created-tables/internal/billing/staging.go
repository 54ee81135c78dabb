package billing

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Stage copies the unpaid invoices of a period into a temporary table that the
// dunning queries in dunning.go read in the same transaction.
func Stage(ctx context.Context, tx pgx.Tx, from, to string) error {
	_, err := tx.Exec(ctx, `
CREATE TEMP TABLE tmp_unpaid ON COMMIT DROP AS
SELECT id, customer_id, amount_cents
FROM invoices
WHERE paid_on IS NULL AND issued_on BETWEEN $1 AND $2`, from, to)
	return err
}
