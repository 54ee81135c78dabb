package store

import (
	"context"
	"database/sql"
)

func QuotaFor(ctx context.Context, db *sql.DB, planID int64, kind string) (int, error) {
	var amount int
	err := db.QueryRowContext(ctx,
		"SELECT amount FROM plan_quotas WHERE plan_id = $1 AND kind = $2::quota_kind", planID, kind).Scan(&amount)
	return amount, err
}

func SetQuota(ctx context.Context, db *sql.DB, planID int64, kind string, amount int) error {
	_, err := db.ExecContext(ctx,
		"UPDATE plan_quotas SET amount = $3 WHERE plan_id = $1 AND kind = $2::quota_kind AND bandwidth_cap > 0", planID, kind, amount)
	return err
}
