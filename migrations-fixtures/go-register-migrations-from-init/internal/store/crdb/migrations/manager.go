package migrations

import (
	"github.com/jackc/pgx/v5"

	"example.com/permd/pkg/migrate"
)

var Migrations = migrate.NewManager[*pgx.Conn, pgx.Tx]()
