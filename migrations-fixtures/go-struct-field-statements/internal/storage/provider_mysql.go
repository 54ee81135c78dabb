package storage

import (
	_ "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
)

// NewMySQLProvider: MySQL's own statements, never run on PostgreSQL.
func NewMySQLProvider(db *sqlx.DB) Provider {
	p := NewProvider(db, "")
	p.sqlSelectUser = "SELECT id, email, nick FROM mysql_users WHERE id = ?"
	return p
}
