module example.com/newsletter

go 1.22

require (
	github.com/jmoiron/sqlx v1.4.0
	github.com/knadh/goyesql/v2 v2.2.0
	github.com/lib/pq v1.10.9
)
