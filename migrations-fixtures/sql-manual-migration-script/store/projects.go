package store

import (
	"database/sql"

	_ "github.com/lib/pq"
)

func ProjectsOf(db *sql.DB, repo int64) (*sql.Rows, error) {
	return db.Query("SELECT id, name FROM projects WHERE repo_id = $1", repo)
}
