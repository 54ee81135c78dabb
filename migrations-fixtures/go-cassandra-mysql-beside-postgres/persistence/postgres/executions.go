package postgres

import (
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func State(db *sql.DB, runID string) ([]byte, error) {
	var state []byte
	err := db.QueryRow("SELECT state FROM executions WHERE run_id = $1", runID).Scan(&state)
	return state, err
}

func NextEventID(db *sql.DB, runID string) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT next_event_id FROM executions WHERE run_id = $1", runID).Scan(&id)
	return id, err
}
