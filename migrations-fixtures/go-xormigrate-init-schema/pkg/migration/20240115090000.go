package migration

import (
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

func init() {
	migrations = append(migrations, &xormigrate.Migration{
		ID:          "20240115090000",
		Description: "Color cards",
		Migrate: func(tx *xorm.Engine) error {
			_, err := tx.Exec("ALTER TABLE card ADD COLUMN hex_color varchar(6)")
			return err
		},
	})
}
