package store

import "database/sql"

func Record(db *sql.DB, takenAt int64, percent float64) error {
	_, err := db.Exec(`INSERT INTO cpu_samples (taken_at, percent) VALUES (?, ?)`, takenAt, percent)
	return err
}

func Prune(db *sql.DB, before int64) error {
	_, err := db.Exec(`DELETE FROM disk_samples WHERE taken_at < ?`, before)
	return err
}
