package test

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

// Starts from the previous release's database, seeds it, then upgrades it.
func TestUpgradeKeepsTags(t *testing.T) {
	db, err := sql.Open("postgres", previousReleaseDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO event_log (note_id, label) VALUES (1, 'work')"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO note (body, created_ts) VALUES ('x', 0)"); err != nil {
		t.Fatal(err)
	}
}
