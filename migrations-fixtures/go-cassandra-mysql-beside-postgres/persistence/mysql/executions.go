package mysql

import (
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
)

func NextEventID(db *sql.DB, runID []byte) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT next_event_id FROM executions WHERE run_id = ? LOCK IN SHARE MODE", runID).Scan(&id)
	return id, err
}
