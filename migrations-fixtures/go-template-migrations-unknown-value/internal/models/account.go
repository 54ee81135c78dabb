package models

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

func FindAccount(ctx context.Context, db *sql.DB, id string) (string, string, error) {
	var email, phone string
	err := db.QueryRowContext(ctx, "SELECT email, phone FROM identity.accounts WHERE id = $1", id).Scan(&email, &phone)
	return email, phone, err
}

func TouchSignIn(ctx context.Context, db *sql.DB, id string) error {
	_, err := db.ExecContext(ctx, "UPDATE identity.accounts SET last_sign_in_at = now() WHERE id = $1", id)
	return err
}
