package store

import "database/sql"

// opened_at may be either name: the DO block decides at run time. closed_at no migration adds.
func Accounts(db *sql.DB) (*sql.Rows, error) {
	return db.Query(`SELECT id, opened_at, owner_name, closed_at FROM ledger.accounts`)
}
