package migration

import (
	"sort"

	"example.com/boards/pkg/models"
	"example.com/boards/pkg/user"
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

var migrations []*xormigrate.Migration

func schemaBeans() []interface{} {
	beans := []interface{}{}
	beans = append(beans, models.GetTables()...)
	beans = append(beans, user.GetTables()...)
	return beans
}

// A fresh database gets the current models' tables; an older one runs the migrations.
func initSchema(tx *xorm.Engine) error {
	return tx.Sync2(schemaBeans()...)
}

// Migrate brings the database up to date.
func Migrate(x *xorm.Engine) error {
	sort.Slice(migrations, func(i, j int) bool {
		return migrations[i].ID < migrations[j].ID
	})
	m := xormigrate.New(x, migrations)
	m.InitSchema(initSchema)
	return m.Migrate()
}
