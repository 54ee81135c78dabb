package migrations

import (
	"context"

	"example.com/feed/internal/models"
	"github.com/uptrace/bun"
)

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		tables := []interface{}{
			&models.Account{},
			&models.Status{},
		}
		for _, t := range tables {
			if _, err := db.NewCreateTable().Model(t).IfNotExists().Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	}
	down := func(ctx context.Context, db *bun.DB) error { return nil }
	Migrations.MustRegister(up, down)
}
