package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

// The HTML copies are rendered when read now.
func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			type drop struct {
				table  string
				column string
			}
			for _, d := range []drop{
				{table: "accounts", column: "note_html"},
				{"statuses", "content_html"},
				// Only databases of the first releases have it: a table bun created from a later
				// model never had the column, so the drop is IF EXISTS.
				{table: "accounts", column: "avatar_updated_at"},
			} {
				if _, err := tx.NewDropColumn().Table(d.table).Column(d.column).Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
