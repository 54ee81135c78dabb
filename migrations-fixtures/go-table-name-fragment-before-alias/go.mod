module github.com/acme/loadhouse

go 1.22

require (
	github.com/acme/whutils v0.4.1
	github.com/lib/pq v1.10.9
)
