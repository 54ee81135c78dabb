package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Multi-currency ledgers: every entry records its ISO 4217 code.
var _202405201000_entries_currency = &gormigrate.Migration{
	ID: "202405201000_entries_currency",
	Migrate: func(tx *gorm.DB) error {
		return tx.Exec(`ALTER TABLE entries ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR'`).Error
	},
	Rollback: func(tx *gorm.DB) error {
		return tx.Exec(`ALTER TABLE entries DROP COLUMN currency`).Error
	},
}
