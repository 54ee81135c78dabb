package migrate

import (
	"context"
	"embed"
	"io/fs"

	"github.com/jmoiron/sqlx"
	"maragu.dev/migrate"
)

//go:embed postgres/*.sql
var postgres embed.FS

// Up applies every postgres/*up.sql file whose name sorts after the recorded version.
func Up(ctx context.Context, db *sqlx.DB) error {
	dir, err := fs.Sub(postgres, "postgres")
	if err != nil {
		return err
	}
	return migrate.New(migrate.Options{DB: db.DB, FS: dir}).MigrateUp(ctx)
}
