package migrations

import "database/sql"

// The runner calls the Up_<version> method a Go migration file names, through reflection.
type migrations struct {
	*sql.Tx
}

func NewMigrations(tx *sql.Tx) *migrations { return &migrations{tx} }
