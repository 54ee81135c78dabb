package catalog

import (
	"context"
	"database/sql"
)

// Labels names widgets' columns the way the report does: the alias's column list renames the
// table's first two columns, id and title, to wid and label. created_at, past the list, keeps
// its name.
func Labels(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT w.wid, label, w.created_at FROM widgets AS w(wid, label) ORDER BY w.wid`)
}

// Titled renames only id: title keeps its name. shelf is no column of widgets, and the list
// does not name it either.
func Titled(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT w.wid, w.title, w.shelf FROM widgets AS w(wid) WHERE w.title <> ''`)
}

// Stats renames the first column of a view whose column order the migrations do not show:
// which column it renames, and whether n is still there, cannot be told.
func Stats(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT s.widget, s.n FROM widget_stats AS s(widget)`)
}
