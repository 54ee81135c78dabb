package store

import "database/sql"

// Open connects and makes sure the table that records applied schema files exists: the
// service runs its own migrations, so this table is created here, not by a migration.
func Open(db *sql.DB) error {
	statement := `
		CREATE TABLE IF NOT EXISTS applied_schema_files (
			filename TEXT NOT NULL UNIQUE
		);
	`
	_, err := db.Exec(statement)
	return err
}
