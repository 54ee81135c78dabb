package store

import (
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// Both branches append an ORDER BY; only one of them runs.
func Categories(db *sql.DB, userID int64, alphabetical bool) (*sql.Rows, error) {
	query := `
		SELECT c.id, c.title, count(f.id)
		FROM categories c LEFT JOIN feeds f ON f.category_id = c.id
		WHERE c.user_id = $1
		GROUP BY c.id
	`
	if alphabetical {
		query += `
			ORDER BY c.title ASC
		`
	} else {
		query += `
			ORDER BY count(f.id) DESC, c.title ASC
		`
	}
	return db.Query(query, userID)
}

// A wide-column store's statement sent through a session this file does not name.
type Session interface{ Query(stmt string, values ...interface{}) error }

func RegisterCategory(s Session, id int64, title string) error {
	return s.Query(`INSERT INTO categories_by_id (id, title) VALUES (?, ?) IF NOT EXISTS`, id, title)
}

// A typo PostgreSQL rejects on every call: one literal, reported.
func Broken(db *sql.DB) error {
	_, err := db.Exec(`UPDATE feeds SET parsing_errors = 0 WHERE WHERE id = $1`, 1)
	return err
}
