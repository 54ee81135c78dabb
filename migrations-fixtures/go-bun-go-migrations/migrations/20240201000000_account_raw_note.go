package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "ALTER TABLE ? ADD COLUMN ? TEXT", bun.Ident("accounts"), bun.Ident("note_raw"))
		return err
	}
	down := func(ctx context.Context, db *bun.DB) error { return nil }
	Migrations.MustRegister(up, down)
}
