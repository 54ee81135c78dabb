package database

import "github.com/Masterminds/squirrel"

// Postgres holds the pool and the statement builder every store uses.
type Postgres struct {
	Builder squirrel.StatementBuilderType
}

// New sets the builder to PostgreSQL's placeholders.
func New() *Postgres {
	return &Postgres{Builder: squirrel.StatementBuilder.PlaceholderFormat(squirrel.Dollar)}
}
