package migrations

import (
	"github.com/jackc/pgx/v5"

	"example.com/permd/pkg/migrate"
)

var noNonatomicMigration migrate.MigrationFunc[*pgx.Conn]

// Migrations is the Postgres driver's migration manager: each zz_migration file registers one.
var Migrations = migrate.NewManager[*pgx.Conn, pgx.Tx]()
