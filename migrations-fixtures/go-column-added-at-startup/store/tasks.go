package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open lists the tasks not archived: archived is added by Upgrade, not by a migration.
func Open(ctx context.Context, db *pgxpool.Pool) error {
	_, err := db.Exec(ctx, "SELECT id, title FROM tasks WHERE NOT archived")
	return err
}

// Late uses a column nothing adds.
func Late(ctx context.Context, db *pgxpool.Pool) error {
	_, err := db.Exec(ctx, "SELECT id FROM tasks WHERE due_at < now()")
	return err
}
