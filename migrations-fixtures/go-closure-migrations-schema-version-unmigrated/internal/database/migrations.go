package database

import (
	"database/sql"
)

var schemaVersion = len(migrations)

// Order is important: append new migrations at the end, never edit an applied one.
var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
		sql := `
			CREATE TABLE schema_version (
				version text not null
			);

			CREATE TABLE users (
				id SERIAL PRIMARY KEY,
				username text NOT NULL UNIQUE,
				password text
			);

			CREATE TABLE feeds (
				id BIGSERIAL PRIMARY KEY,
				user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				feed_url text NOT NULL,
				title text NOT NULL,
				checked_at timestamptz DEFAULT now()
			);
		`
		_, err = tx.Exec(sql)
		return err
	},
	func(tx *sql.Tx) (err error) {
		sql := `ALTER TABLE feeds ADD COLUMN parsing_error_count int DEFAULT 0`
		_, err = tx.Exec(sql)
		return err
	},
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec(`ALTER TABLE users DROP COLUMN password`)
		return err
	},
}

func addFeedCrawler(tx *sql.Tx) error {
	_, err := tx.Exec(`ALTER TABLE feeds ADD COLUMN crawler bool DEFAULT 'f'`)
	return err
}
