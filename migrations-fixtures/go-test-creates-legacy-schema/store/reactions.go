package store

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

func AddReaction(ctx context.Context, db *sql.DB, creator, note int, kind string) error {
	_, err := db.ExecContext(ctx, `INSERT INTO reaction (creator_id, note_id, kind) VALUES ($1, $2, $3)`, creator, note, kind)
	return err
}
