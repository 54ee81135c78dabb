// Package migrations keeps the schema: every change is one gormigrate step of plain SQL.
package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

func Migrate(db *gorm.DB) error {
	m := gormigrate.New(db, gormigrate.DefaultOptions, []*gormigrate.Migration{
		{
			ID: "202401101200_accounts",
			Migrate: func(tx *gorm.DB) error {
				return tx.Exec(`CREATE TABLE accounts (
					id bigserial PRIMARY KEY,
					owner text NOT NULL,
					created_at timestamptz NOT NULL DEFAULT now()
				)`).Error
			},
		},
		_202402011500_entries,
		_202405201000_entries_currency,
	})
	return m.Migrate()
}
