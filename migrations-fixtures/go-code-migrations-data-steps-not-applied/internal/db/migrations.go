package db

import (
	"database/sql"
	"errors"
)

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec(`CREATE TABLE dogs (id bigserial PRIMARY KEY, name text NOT NULL, tag text NOT NULL DEFAULT '')`)
		return err
	},
	func(tx *sql.Tx) (err error) {
		// Older installs kept the breed in a "notes" column: copied when it is there.
		hasNotes := false
		if err := tx.QueryRow(`SELECT true FROM information_schema.columns
			WHERE table_name = 'dogs' AND column_name = 'notes'`).Scan(&hasNotes); err != nil && err != sql.ErrNoRows {
			return err
		}
		if _, err = tx.Exec(`ALTER TABLE dogs ADD COLUMN breed text`); err != nil {
			return err
		}
		if !hasNotes {
			return nil
		}
		_, err = tx.Exec(`UPDATE dogs SET breed = notes`)
		return err
	},
	func(tx *sql.Tx) (err error) {
		// Tags for the dogs without one, a row at a time through a cursor.
		if _, err = tx.Exec(`DECLARE untagged CURSOR FOR SELECT id FROM dogs WHERE tag = '' FOR UPDATE`); err != nil {
			return err
		}
		defer tx.Exec(`CLOSE untagged`)
		for {
			var id int64
			if err := tx.QueryRow(`FETCH NEXT FROM untagged`).Scan(&id); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					break
				}
				return err
			}
			if _, err = tx.Exec(`UPDATE dogs SET tag = $1 WHERE id = $2`, "t", id); err != nil {
				return err
			}
		}
		return nil
	},
}

func Migrate(db *sql.DB) error {
	for _, m := range migrations {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := m(tx); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
