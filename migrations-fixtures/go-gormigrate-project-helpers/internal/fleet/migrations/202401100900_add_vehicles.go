package migrations

import (
	"example.com/fleet/pkg/db"
	"github.com/go-gormigrate/gormigrate/v2"
)

func addVehicles(migrationID string) *gormigrate.Migration {
	type Driver struct {
		db.Model
		Name string
	}
	// AutoMigrate of a vehicle also creates its many2many join table, vehicle_drivers.
	type Vehicle struct {
		db.Model
		Plate   string   `gorm:"index"`
		OwnerID string
		Drivers []Driver `gorm:"many2many:vehicle_drivers;"`
	}
	return db.CreateMigrationFromActions(migrationID,
		db.CreateTableAction(&Vehicle{}),
		db.ExecAction(`CREATE UNIQUE INDEX vehicles_plate_key ON vehicles (plate)`, `DROP INDEX vehicles_plate_key`),
	)
}
