package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Users pick the language of their e-mails.
var addUserLocale = &gormigrate.Migration{
	ID: "202403041200_user_locale",
	Migrate: func(tx *gorm.DB) error {
		type User struct {
			Locale string `gorm:"type:varchar(8);default:'en'"`
		}
		return tx.AutoMigrate(&User{})
	},
}
