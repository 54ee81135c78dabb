package store

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// StallWorkers: the chain is the statement; the query string ToSql gives is the same one.
func StallWorkers(conn *sql.DB) error {
	query, args, err := psql.Update("workers").
		Set("state", "stalled").
		Where(sq.Expr("expires < NOW()")).
		Where(sq.Eq{"retiring": false}).
		ToSql()
	if err != nil {
		return err
	}
	_, err = conn.Exec(query, args...)
	return err
}
