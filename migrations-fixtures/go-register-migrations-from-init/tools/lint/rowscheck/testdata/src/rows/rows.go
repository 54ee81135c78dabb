package rows

import "database/sql"

// Sample input of the rowscheck analyzer: a Rows closed before its error is read.
func badOrder(db *sql.DB) error {
	rows, err := db.Query("SELECT id, name FROM users")
	if err != nil {
		return err
	}
	rows.Close() // want "rows.Err checked after Close"
	return rows.Err()
}
