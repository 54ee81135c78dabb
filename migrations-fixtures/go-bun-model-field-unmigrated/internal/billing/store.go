package billing

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

func Unpaid(ctx context.Context, db *bun.DB, customerID int64) ([]Invoice, error) {
	var out []Invoice
	err := db.NewSelect().
		Model(&out).
		Where("customer_id = ? AND paid_at IS NULL", customerID).
		Order("created_at DESC").
		Scan(ctx)
	return out, err
}

func ByRegion(ctx context.Context, db bun.IDB, region string) ([]Invoice, error) {
	var out []Invoice
	err := db.NewSelect().Model(&out).Column("id", "amount_cents", "tax_region_id").Where("tax_region_id = ?", region).Scan(ctx)
	return out, err
}

func MarkPaid(ctx context.Context, db bun.IDB, id int64) error {
	_, err := db.NewUpdate().Table("invoices").Set("paid_at = ?", time.Now()).Where("id = ?", id).Exec(ctx)
	return err
}

func Create(ctx context.Context, db bun.IDB, inv *Invoice) error {
	_, err := db.NewInsert().Model(inv).Exec(ctx)
	return err
}
