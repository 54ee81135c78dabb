package api

import (
	"context"

	"example.com/notes/internal/db"
)

func ListNotes(ctx context.Context, author int64) ([]string, error) {
	rows, err := db.Query(ctx, `SELECT body FROM notes WHERE author_id = $1 ORDER BY id`, author)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		out = append(out, body)
	}
	return out, rows.Err()
}

// Export streams every archived note.
func Export(ctx context.Context) (int, error) {
	rows, err := db.Query(ctx, "TABLE notes_archive")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
