package store

import "database/sql"

func Dogs(db *sql.DB) (*sql.Rows, error) {
	return db.Query(`SELECT id, name, breed, tag, chip FROM dogs`)
}
