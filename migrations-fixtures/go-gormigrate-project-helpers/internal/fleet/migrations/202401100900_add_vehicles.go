package migrations

import (
	"example.com/fleet/pkg/db"
	"github.com/go-gormigrate/gormigrate/v2"
)

func addVehicles(migrationID string) *gormigrate.Migration {
	type Vehicle struct {
		db.Model
		Plate   string `gorm:"index"`
		OwnerID string
	}
	return db.CreateMigrationFromActions(migrationID,
		db.CreateTableAction(&Vehicle{}),
		db.ExecAction(`CREATE UNIQUE INDEX vehicles_plate_key ON vehicles (plate)`, `DROP INDEX vehicles_plate_key`),
	)
}
