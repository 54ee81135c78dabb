package store

import "database/sql"

// No PostgreSQL driver in this file: the handle may be any engine's, so text that does not
// parse as PostgreSQL is left unchecked, not reported.
func ResetErrors(db *sql.DB) error {
	_, err := db.Exec(`UPDATE feeds SET parsing_errors = 0 WHERE WHERE id = $1`, 1)
	return err
}
