package migrations

import (
	"context"

	"example.com/social/internal/models"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			q := tx.NewAddColumn().Model(&models.Account{})
			switch tx.Dialect().Name() {
			case dialect.PG:
				q = q.ColumnExpr("? VARCHAR[]", bun.Ident("emojis"))
			case dialect.SQLite:
				q = q.ColumnExpr("? VARCHAR", bun.Ident("emojis"))
			default:
				panic("neither postgres nor sqlite")
			}
			_, err := q.Exec(ctx)
			return err
		})
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
