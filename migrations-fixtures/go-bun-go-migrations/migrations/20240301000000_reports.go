package migrations

import (
	"context"

	"example.com/feed/internal/models"
	"github.com/uptrace/bun"
)

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewCreateTable().Model(&models.Report{}).IfNotExists().Exec(ctx); err != nil {
				return err
			}
			_, err := tx.NewCreateIndex().
				Model(&models.Report{}).
				Index("report_account_id_idx").
				Column("account_id").
				Exec(ctx)
			return err
		})
	}
	down := func(ctx context.Context, db *bun.DB) error { return nil }
	Migrations.MustRegister(up, down)
}
