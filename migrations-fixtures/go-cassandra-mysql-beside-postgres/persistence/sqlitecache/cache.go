package sqlitecache

import (
	"database/sql"

	_ "modernc.org/sqlite"
)

func Warm(db *sql.DB) error {
	_, err := db.Exec("INSERT OR REPLACE INTO cache_entries (key, value) SELECT workflow_id, state FROM executions")
	return err
}
