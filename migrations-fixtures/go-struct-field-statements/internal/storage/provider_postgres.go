package storage

import (
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
)

// NewPostgreSQLProvider overrides what PostgreSQL spells differently and rebinds placeholders.
func NewPostgreSQLProvider(db *sqlx.DB) Provider {
	p := NewProvider(db, "")
	p.sqlUpsertPreference = fmt.Sprintf(queryFmtUpsertPreferencePostgreSQL, tablePreferences)
	p.sqlSelectUser = p.db.Rebind(p.sqlSelectUser)
	return p
}
