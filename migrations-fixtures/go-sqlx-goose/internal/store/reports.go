package store

import (
	"context"
	"fmt"
)

type DepotUsage struct {
	Depot string  `db:"depot"`
	Trips int     `db:"trips"`
	Km    float64 `db:"km"`
}

func (s *Store) Usage(ctx context.Context) ([]DepotUsage, error) {
	var out []DepotUsage
	q := `
		SELECT d.name AS depot, count(t.id) AS trips, COALESCE(sum(t.distance_km), 0) AS km
		FROM depots d
		LEFT JOIN vehicles v ON v.depot_id = d.id
		LEFT JOIN trips t ON t.vehicle_id = v.id AND t.ended_at IS NOT NULL
		GROUP BY d.name
		ORDER BY km DESC`
	err := s.db.SelectContext(ctx, &out, q)
	return out, err
}

func (s *Store) Count(ctx context.Context, table string) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, fmt.Sprintf("SELECT count(*) FROM %s", table))
	return n, err
}
