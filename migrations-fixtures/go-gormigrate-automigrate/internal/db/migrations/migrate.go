// Package migrations keeps the schema as gormigrate steps; each step freezes the model it
// migrates, so a later change of the application's structs does not rewrite history.
package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

func Migrate(db *gorm.DB) error {
	m := gormigrate.New(db, gormigrate.DefaultOptions, []*gormigrate.Migration{
		{
			ID: "202401081000_users",
			Migrate: func(tx *gorm.DB) error {
				type User struct {
					gorm.Model
					Email       string `gorm:"uniqueIndex;not null"`
					DisplayName string
				}
				return tx.AutoMigrate(&User{})
			},
			Rollback: func(tx *gorm.DB) error {
				return tx.Migrator().DropTable("users")
			},
		},
		{
			ID: "202402121500_teams",
			Migrate: func(tx *gorm.DB) error {
				return tx.Exec(`CREATE TABLE teams (
					id bigserial PRIMARY KEY,
					name text NOT NULL UNIQUE
				)`).Error
			},
		},
		addUserLocale,
		addMemberships,
		addTeamSlug(),
	})
	return m.Migrate()
}
