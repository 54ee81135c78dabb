// Package database opens the connection every store shares.
package database

import (
	"database/sql"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
)

// DB wraps bun's handle so stores need not import bun.
type DB struct {
	*bun.DB
}

func Open(sqldb *sql.DB) *DB {
	return &DB{DB: bun.NewDB(sqldb, pgdialect.New())}
}
