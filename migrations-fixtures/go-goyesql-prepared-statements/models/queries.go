package models

import "github.com/jmoiron/sqlx"

// Queries holds the statements goyesql prepares from queries/*.sql, by their names.
type Queries struct {
	GetSubscriber    *sqlx.Stmt `query:"get-subscriber"`
	InsertSubscriber *sqlx.Stmt `query:"insert-subscriber"`

	// Filled in at run time with an expression and an order: read as text.
	QuerySubscribers string `query:"query-subscribers"`
	GetDBInfo        string `query:"get-db-info"`
}

type Subscriber struct {
	ID    int    `db:"id"`
	Email string `db:"email"`
	Name  string `db:"name"`
}
