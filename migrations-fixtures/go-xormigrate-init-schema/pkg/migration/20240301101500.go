package migration

import (
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

type cards20240301101500 struct {
	APIRef string `xorm:"varchar(64) null"`
}

func (cards20240301101500) TableName() string { return "card" }

func init() {
	migrations = append(migrations, &xormigrate.Migration{
		ID:          "20240301101500",
		Description: "Add api_ref to cards",
		Migrate: func(tx *xorm.Engine) error {
			return tx.Sync2(cards20240301101500{})
		},
	})
}
