package store

import (
	"database/sql"

	_ "github.com/lib/pq"
)

func PlanDurations(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id, duration FROM plans")
}
