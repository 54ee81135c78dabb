// The agent keeps its samples on the host it watches, in a local SQLite file.
package store

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

func Open(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return nil, err
	}
	_, err = db.Exec(`CREATE TABLE IF NOT EXISTS cpu_samples (taken_at INTEGER, percent REAL)`)
	return db, err
}
