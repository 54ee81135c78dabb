package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

var _202402011500_entries = &gormigrate.Migration{
	ID: "202402011500_entries",
	Migrate: func(tx *gorm.DB) error {
		if err := tx.Exec(`CREATE TABLE entries (
			id bigserial PRIMARY KEY,
			account_id bigint NOT NULL REFERENCES accounts (id),
			amount_cents bigint NOT NULL,
			booked_at timestamptz NOT NULL
		)`).Error; err != nil {
			return err
		}
		return tx.Exec(`CREATE INDEX entries_account_id_idx ON entries (account_id)`).Error
	},
	Rollback: func(tx *gorm.DB) error {
		return tx.Exec(`DROP TABLE entries`).Error
	},
}
