package store

import (
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func newPostgreSQLProvider(p *Provider) *Provider {
	p.sqlUpsertPreferredMethod = fmt.Sprintf(queryFmtUpsertPreferredMethodPostgreSQL, tableUserSettings)
	p.sqlSelectPreferredMethod = p.db.Rebind(p.sqlSelectPreferredMethod)
	return p
}
