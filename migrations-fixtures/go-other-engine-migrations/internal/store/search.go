package store

import (
	"context"
	"database/sql"
)

// SearchSQLite uses the FTS5 table that only the SQLite migrations create.
func SearchSQLite(ctx context.Context, db *sql.DB, q string) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT rowid, title FROM notes_fts WHERE title = ? ORDER BY rank`, q)
}

// Archived reads a table that no migration of either engine creates.
func Archived(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT id, title FROM archived_notes ORDER BY id`)
}
