package billing

import (
	"context"

	"github.com/jackc/pgx/v5"
)

const overdueByCustomer = `
SELECT u.customer_id, sum(u.amount_cents) AS owed
FROM tmp_unpaid u
GROUP BY u.customer_id`

func Overdue(ctx context.Context, tx pgx.Tx) (pgx.Rows, error) {
	return tx.Query(ctx, overdueByCustomer)
}

// No migration and no code creates dunning_letters.
func RecordLetter(ctx context.Context, tx pgx.Tx, customerID int64) error {
	_, err := tx.Exec(ctx, "INSERT INTO dunning_letters (customer_id) VALUES ($1)", customerID)
	return err
}
