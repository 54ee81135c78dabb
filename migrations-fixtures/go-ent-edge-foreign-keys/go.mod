module example.com/helpdesk

go 1.22

require (
	entgo.io/ent v0.14.1
	github.com/pressly/goose/v3 v3.21.1
)
