package store

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

// psql is the package's builder, declared in psql.go.
func VolumeHandles(tx *sql.Tx, state string) (*sql.Rows, error) {
	query, args, err := psql.Select("handle", "owner").From("volumes").Where(sq.Eq{"state": state}).ToSql()
	if err != nil {
		return nil, err
	}
	return tx.Query(query, args...)
}

// "false" is a value, not a column.
func CopyInputs(tx *sql.Tx, from, to int) error {
	_, err := psql.Insert("build_inputs").
		Columns("resource_id", "first_occurrence", "build_id").
		Select(psql.Select("resource_id", "false").Column("?", to).
			From("build_inputs").
			Where(sq.Eq{"build_id": from})).
		RunWith(tx).
		Exec()
	return err
}
