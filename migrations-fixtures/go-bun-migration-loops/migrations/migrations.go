package migrations

import "github.com/uptrace/bun/migrate"

// Migrations are registered by the files of this package, one per version.
var Migrations = migrate.NewMigrations()
