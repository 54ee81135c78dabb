package migrations

import (
	"context"
	"log"

	"github.com/uptrace/bun"
)

// columnDef is the definition of a column as the running binary's bun would write it.
func columnDef(db bun.IDB, field string) string {
	return db.Dialect().Name().String() + field
}

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			log.Print("adding filters.expires_at, please wait")
			def := columnDef(tx, "ExpiresAt")
			_, err := tx.NewAddColumn().Table("filters").ColumnExpr(def).Exec(ctx)
			return err
		})
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
