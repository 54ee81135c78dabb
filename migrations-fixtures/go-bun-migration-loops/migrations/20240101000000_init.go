package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

// The tables as the first release made them (frozen copies of its models).
func init() {
	type account struct {
		bun.BaseModel `bun:"table:accounts"`
		ID            string `bun:"type:CHAR(26),pk,nullzero,notnull,unique"`
		Username      string `bun:",nullzero,notnull"`
		NoteHTML      string
	}
	type status struct {
		bun.BaseModel `bun:"table:statuses"`
		ID            string `bun:"type:CHAR(26),pk"`
		AccountID     string `bun:"type:CHAR(26),nullzero,notnull"`
		Content       string
		ContentHTML   string
	}
	type filter struct {
		bun.BaseModel `bun:"table:filters"`
		ID            string `bun:"type:CHAR(26),pk"`
		AccountID     string `bun:"type:CHAR(26),nullzero,notnull"`
		Title         string
	}
	up := func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for _, model := range []interface{}{&account{}, &status{}, &filter{}} {
				if _, err := tx.NewCreateTable().Model(model).IfNotExists().Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	}
	Migrations.MustRegister(up, func(ctx context.Context, db *bun.DB) error { return nil })
}
