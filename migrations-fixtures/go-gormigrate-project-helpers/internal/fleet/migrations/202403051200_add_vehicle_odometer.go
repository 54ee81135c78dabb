package migrations

import (
	"example.com/fleet/pkg/db"
	"github.com/go-gormigrate/gormigrate/v2"
)

func addVehicleOdometer(migrationID string) *gormigrate.Migration {
	type Vehicle struct {
		db.Model
		Plate      string
		OwnerID    string
		OdometerKm int64
	}
	return db.CreateMigrationFromActions(migrationID,
		db.AddTableColumnAction(&Vehicle{}, "OdometerKm"),
		db.RenameTableColumnAction(&Vehicle{}, "owner_id", "fleet_owner_id"),
	)
}
