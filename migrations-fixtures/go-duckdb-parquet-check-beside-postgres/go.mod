module github.com/acme/errexport

go 1.22

require (
	github.com/duckdb/duckdb-go/v2 v2.1.0
	github.com/jackc/pgx/v5 v5.6.0
)
