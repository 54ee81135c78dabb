package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Upgrade adds what older databases lack when the service starts.
func Upgrade(ctx context.Context, db *pgxpool.Pool) error {
	_, err := db.Exec(ctx, `ALTER TABLE tasks ADD COLUMN IF NOT EXISTS archived BOOLEAN NOT NULL DEFAULT FALSE`)
	return err
}
