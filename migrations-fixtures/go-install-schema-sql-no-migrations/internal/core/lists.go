package core

import (
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

func PublicLists(db *sqlx.DB) ([]string, error) {
	var names []string
	err := db.Select(&names, "SELECT name FROM lists WHERE type = 'public' ORDER BY created_at")
	return names, err
}

func ListTags(db *sqlx.DB, id int) ([]string, error) {
	var tags []string
	err := db.Select(&tags, "SELECT unnest(tags) FROM lists WHERE id = $1", id)
	return tags, err
}
