package db

import (
	"context"
	"database/sql"
)

func AccountByKey(ctx context.Context, db *sql.DB, key string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, `SELECT account_id FROM api_tokens WHERE token = $1`, key).Scan(&id)
	return id, err
}

func AccountByEmail(ctx context.Context, db *sql.DB, email string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, `SELECT id FROM accounts WHERE email = $1`, email).Scan(&id)
	return id, err
}
