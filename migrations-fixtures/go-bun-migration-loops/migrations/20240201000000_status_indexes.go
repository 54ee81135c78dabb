package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

// Indexes for the home timeline, one per entry of the map.
func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for index, columns := range map[string][]string{
				"statuses_account_id_idx": {"account_id"},
				"statuses_account_id_id_idx": {"account_id", "id"},
			} {
				if _, err := tx.NewCreateIndex().Table("statuses").Index(index).Column(columns...).Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
