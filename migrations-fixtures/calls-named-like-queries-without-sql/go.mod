module example.com/notes

go 1.22

require github.com/jmoiron/sqlx v1.3.5
