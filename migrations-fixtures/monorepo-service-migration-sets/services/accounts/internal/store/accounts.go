package store

import (
	"context"
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func Create(ctx context.Context, db *sql.DB, email string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, `INSERT INTO accounts (email) VALUES ($1) RETURNING id`, email).Scan(&id)
	return id, err
}

func Find(ctx context.Context, db *sql.DB, email string) (int64, string, error) {
	var id int64
	var name string
	err := db.QueryRowContext(ctx, `SELECT id, display_name FROM accounts WHERE email = $1`, email).Scan(&id, &name)
	return id, name, err
}
