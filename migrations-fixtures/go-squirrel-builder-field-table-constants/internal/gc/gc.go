package gc

import (
	"time"

	"github.com/Masterminds/squirrel"

	"example.com/authz/internal/database"
	"example.com/authz/internal/storage"
)

// GC removes old transactions.
type GC struct {
	database *database.Postgres
}

// Expired lists transactions older than a time.
func (g *GC) Expired(before time.Time) (string, []any, error) {
	return g.database.Builder.Select("id").From(storage.TransactionsTable).
		Where(squirrel.Lt{"created_at": before}).ToSql()
}
