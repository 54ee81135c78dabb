module example.com/notes

go 1.22

require (
	github.com/ardanlabs/darwin/v3 v3.1.1
	github.com/jmoiron/sqlx v1.4.0
)
