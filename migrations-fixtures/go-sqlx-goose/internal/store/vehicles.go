package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
)

type Vehicle struct {
	ID         int64        `db:"id"`
	Plate      string       `db:"plate"`
	OdometerKm int          `db:"odometer_km"`
	RetiredAt  sql.NullTime `db:"retired_at"`
}

const vehicleColumns = `id, plate, odometer_km, retired_at`

const activeVehiclesQuery = `SELECT ` + vehicleColumns + `
FROM vehicles
WHERE retired = false AND depot_id = $1
ORDER BY plate`

type Store struct {
	db *sqlx.DB
}

func (s *Store) Vehicle(ctx context.Context, plate string) (Vehicle, error) {
	var v Vehicle
	err := s.db.QueryRowContext(ctx, `
		SELECT id, plate, odometer_km, retired_at
		FROM vehicles
		WHERE plate = $1`, plate).Scan(&v.ID, &v.Plate, &v.OdometerKm, &v.RetiredAt)
	return v, err
}

func (s *Store) Active(ctx context.Context, depotID int) ([]Vehicle, error) {
	var out []Vehicle
	err := s.db.SelectContext(ctx, &out, activeVehiclesQuery, depotID)
	return out, err
}

func (s *Store) ByDepot(depot string) ([]Vehicle, error) {
	var out []Vehicle
	err := s.db.Select(&out, `
		SELECT v.id, v.plate, v.odometer_km, v.retired_at
		FROM vehicles v
		JOIN depots d ON d.id = v.depot_id
		WHERE d.name = $1 AND v.retired_at IS NULL`, depot)
	return out, err
}

func (s *Store) Distance(ctx context.Context, vehicleID int64, since time.Time) (float64, error) {
	var km float64
	err := s.db.GetContext(ctx, &km,
		"SELECT COALESCE(sum(distance_km), 0) FROM trips WHERE vehicle_id = $1 AND started_at >= $2",
		vehicleID, since)
	return km, err
}

func (s *Store) LogMaintenance(ctx context.Context, vehicleID int64, notes string) error {
	_, err := s.db.ExecContext(ctx,
		"INSERT INTO maintenance_log (vehicle_id, done_on, notes, mechanic) VALUES ($1, current_date, $2, $3)",
		vehicleID, notes, "")
	return err
}

func (s *Store) Depot(id int) (string, error) {
	var city string
	err := s.db.Get(&city, "SELECT city FROM depots WHERE id = $1", id)
	return city, err
}
