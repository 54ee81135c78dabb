package store

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

// An ordinary test: it meets the newest schema, where start_after is gone.
func TestPlans(t *testing.T) {
	var db *sql.DB
	if _, err := db.Exec("UPDATE plans SET start_after = 'P2M' WHERE id = 'p1'"); err != nil {
		t.Fatal(err)
	}
}
