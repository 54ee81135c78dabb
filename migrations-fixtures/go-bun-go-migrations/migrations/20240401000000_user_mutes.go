package migrations

import (
	"context"

	"example.com/feed/internal/models"
	"github.com/uptrace/bun"
)

func init() {
	up := func(ctx context.Context, db *bun.DB) error {
		// The model reaches the builder as a parameter: which table it creates is not read.
		create := func(model any) error {
			_, err := db.NewCreateTable().Model(model).IfNotExists().Exec(ctx)
			return err
		}
		return create(&models.UserMute{})
	}
	down := func(ctx context.Context, db *bun.DB) error { return nil }
	Migrations.MustRegister(up, down)
}
