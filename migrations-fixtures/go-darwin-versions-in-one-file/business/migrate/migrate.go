package migrate

import (
	"context"
	_ "embed"

	"github.com/ardanlabs/darwin/v3"
	"github.com/ardanlabs/darwin/v3/dialects/postgres"
	"github.com/ardanlabs/darwin/v3/drivers/generic"
	"github.com/jmoiron/sqlx"
)

//go:embed sql/migrate.sql
var migrateDoc string

// Migrate brings the schema up to the newest version in migrate.sql.
func Migrate(ctx context.Context, db *sqlx.DB) error {
	driver, err := generic.New(db.DB, postgres.Dialect{})
	if err != nil {
		return err
	}
	return darwin.New(driver, darwin.ParseMigrations(migrateDoc)).Migrate()
}
