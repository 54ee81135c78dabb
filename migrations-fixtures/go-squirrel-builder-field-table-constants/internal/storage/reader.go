package storage

import (
	"github.com/Masterminds/squirrel"

	"example.com/authz/internal/database"
)

// Reader reads transactions.
type Reader struct {
	database *database.Postgres
}

// Head is the newest transaction of a tenant.
func (r *Reader) Head(tenantID string) (string, []any, error) {
	return r.database.Builder.Select("id", "snapshot").From(TransactionsTable).
		Where(squirrel.Eq{"tenant_id": tenantID}).OrderBy("id DESC").Limit(1).ToSql()
}
