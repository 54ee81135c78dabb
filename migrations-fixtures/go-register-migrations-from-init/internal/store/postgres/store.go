package postgres

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5/pgxpool"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

type Store struct{ pool *pgxpool.Pool }

func (s *Store) SchemaHash(ctx context.Context) ([]byte, error) {
	var hash []byte
	err := s.pool.QueryRow(ctx, `SELECT hash FROM stored_schema_revision WHERE name = 'current'`).Scan(&hash)
	return hash, err
}

func (s *Store) WriteCaveat(ctx context.Context, name string, def []byte, txn int64) error {
	sql, args, err := psql.Insert("caveats").Columns("name", "definition", "created_txn").Values(name, def, txn).ToSql()
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, sql, args...)
	return err
}

func (s *Store) LiveTuples(ctx context.Context, namespace string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx,
		`SELECT count(*) FROM tuples WHERE namespace = $1 AND deleted_txn = '9223372036854775807' AND expires_at IS NULL`,
		namespace).Scan(&n)
	return n, err
}
