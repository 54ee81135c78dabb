package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Seats left on a team: seats comes from the second fizz migration.
func SeatsLeft(ctx context.Context, db *sqlx.DB, teamID string) (int, error) {
	var n int
	err := db.GetContext(ctx, &n,
		`SELECT t.seats - (SELECT count(*) FROM members m WHERE m.team_id = t.id) FROM teams t WHERE t.id = $1`, teamID)
	return n, err
}

// Members by permission; role was renamed to permission, and nothing adds last_seen_at.
func Active(ctx context.Context, db *sqlx.DB, teamID string) ([]string, error) {
	var out []string
	err := db.SelectContext(ctx, &out,
		`SELECT email FROM members WHERE team_id = $1 AND permission = 'admin' ORDER BY last_seen_at DESC`, teamID)
	return out, err
}
