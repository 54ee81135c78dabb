module example.com/ledger

go 1.22

require (
	github.com/jmoiron/sqlx v1.4.0
	maragu.dev/migrate v0.6.0
)
