package people

import (
	"context"
	"database/sql"
)

// Names reads two computed columns of people: functions of its row type.
func Names(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT p.id, p.display_name, p.initials FROM people p ORDER BY p.family`)
}

// Teams reads member_count through a team's row, which it takes.
func Teams(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT t.name, t.member_count FROM teams t`)
}

// Loud reads member_count and shout through a person's row: neither function takes one.
func Loud(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT p.member_count, p.shout FROM people p`)
}
