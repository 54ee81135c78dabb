package store

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

// Migrates to the version before the duration change, seeds a plan, then migrates up.
func TestDurationMigration(t *testing.T) {
	db := migrateTo(t, 20240101000000)
	if _, err := db.Exec("INSERT INTO plans (id, name, start_after) VALUES ('p1', 'basic', 'P1M')"); err != nil {
		t.Fatal(err)
	}
	migrateUp(t, db)
}

func migrateTo(t *testing.T, version uint) *sql.DB { return nil }
func migrateUp(t *testing.T, db *sql.DB)            {}
