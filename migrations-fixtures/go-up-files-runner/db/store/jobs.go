package store

import "database/sql"

func JobKinds(db *sql.DB, pipeline int) (*sql.Rows, error) {
	return db.Query(`SELECT j.name, j.kind FROM jobs j JOIN job_pauses p ON p.job_id = j.id
		JOIN pipeline_pauses pp ON pp.pipeline_id = j.pipeline_id WHERE j.pipeline_id = $1`, pipeline)
}

// The column the newest job needs: no migration adds it yet.
func JobOwners(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT name, owner FROM jobs")
}

// The runner's own table and the layout it converts from: made by the runner, not by a migration.
func CurrentVersion(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT version FROM migrations_history UNION ALL SELECT version FROM migration_version")
}
