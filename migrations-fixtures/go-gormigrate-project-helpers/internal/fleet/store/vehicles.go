package store

import "database/sql"

// Odometer reads a vehicle's mileage.
func Odometer(db *sql.DB, plate string) (int64, error) {
	var km int64
	err := db.QueryRow(`SELECT odometer_km FROM vehicles WHERE plate = $1 AND deleted_at IS NULL`, plate).Scan(&km)
	return km, err
}

// Register adds a vehicle, or renews its owner.
func Register(db *sql.DB, id, plate, owner string) error {
	_, err := db.Exec(`INSERT INTO vehicles (id, plate, fleet_owner_id) VALUES ($1, $2, $3)
		ON CONFLICT (plate) DO UPDATE SET fleet_owner_id = EXCLUDED.fleet_owner_id`, id, plate, owner)
	return err
}

// Unassign removes a vehicle's drivers.
func Unassign(db *sql.DB, id string) error {
	_, err := db.Exec(`DELETE FROM vehicle_drivers WHERE vehicle_id = $1`, id)
	return err
}
