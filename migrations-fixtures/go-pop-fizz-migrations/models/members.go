package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Member struct {
	ID         int    `db:"id"`
	Email      string `db:"email"`
	Permission string `db:"permission"`
}

func Invite(ctx context.Context, db *sqlx.DB, teamID, email, token string) error {
	_, err := db.ExecContext(ctx,
		`INSERT INTO members (team_id, email, invite_token, invited_at, created_at, updated_at)
		 VALUES ($1, $2, $3, now(), now(), now())`, teamID, email, token)
	return err
}

func Admins(ctx context.Context, db *sqlx.DB, teamID string) ([]Member, error) {
	var out []Member
	err := db.SelectContext(ctx, &out,
		`SELECT id, email, permission FROM members WHERE team_id = $1 AND role = 'admin'`, teamID)
	return out, err
}

func Seats(ctx context.Context, db *sqlx.DB, teamID string) (int, error) {
	var n int
	err := db.GetContext(ctx, &n, `SELECT seats - (SELECT count(*) FROM members WHERE team_id = teams.id) FROM teams WHERE id = $1 AND billing_email IS NOT NULL`, teamID)
	return n, err
}
