package store

import "database/sql"

// Versions lists each cluster's version.
func Versions(db *sql.DB) (*sql.Rows, error) {
	return db.Query(`SELECT id, actual_version FROM clusters WHERE region = $1`, "eu")
}
