module example.com/matching

go 1.22

require github.com/jmoiron/sqlx v1.4.0
