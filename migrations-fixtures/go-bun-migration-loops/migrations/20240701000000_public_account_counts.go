package migrations

import (
	"context"

	"example.com/social/internal/models"
	"github.com/uptrace/bun"
)

// A view counting each account's public posts; the visibility value is the application's constant.
func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewRaw("CREATE VIEW ? AS SELECT ?, count(*) FROM ? "+
			"WHERE ? = ? GROUP BY 1",
			bun.Ident("account_public_counts"), bun.Ident("account_id"), bun.Ident("accounts"),
			bun.Ident("visibility"), models.VisibilityPublic).Exec(ctx)
		return err
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
