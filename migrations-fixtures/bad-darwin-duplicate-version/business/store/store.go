package store

import "database/sql"

func Balance(db *sql.DB, id int64) (int64, error) {
	var b int64
	err := db.QueryRow("SELECT balance FROM accounts WHERE id = $1", id).Scan(&b)
	return b, err
}
