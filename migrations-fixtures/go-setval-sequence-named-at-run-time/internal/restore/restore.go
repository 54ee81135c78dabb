package restore

import "database/sql"

// ResetSequence moves a restored table's id sequence past its rows; the sequence's name is built
// at run time, so it is not a relation the migrations must create.
func ResetSequence(db *sql.DB, table string) error {
	seq := table + "_id_seq"
	_, err := db.Exec(`SELECT setval('"` + seq + `"', COALESCE((SELECT MAX(id) FROM items), 1))`)
	return err
}

// ResetItems names its sequence in full.
func ResetItems(db *sql.DB) error {
	_, err := db.Exec(`SELECT setval('items_id_seq', COALESCE((SELECT MAX(id) FROM items), 1))`)
	return err
}
