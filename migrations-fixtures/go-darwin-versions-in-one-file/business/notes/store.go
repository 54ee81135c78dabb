package notes

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Note struct {
	ID    string `db:"note_id"`
	Title string `db:"title"`
}

func Pinned(ctx context.Context, db *sqlx.DB) ([]Note, error) {
	var out []Note
	err := db.SelectContext(ctx, &out, `SELECT note_id, title FROM notes WHERE pinned ORDER BY created_at DESC`)
	return out, err
}

func Archived(ctx context.Context, db *sqlx.DB) ([]Note, error) {
	var out []Note
	err := db.SelectContext(ctx, &out, `SELECT note_id, title FROM notes WHERE archived_at IS NOT NULL`)
	return out, err
}

func Busiest(ctx context.Context, db *sqlx.DB) (int, error) {
	var total int
	err := db.GetContext(ctx, &total, `SELECT max(total) FROM notes_by_day`)
	return total, err
}
