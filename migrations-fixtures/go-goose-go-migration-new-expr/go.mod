module example.com/inventory

go 1.26

require github.com/pressly/goose/v3 v3.26.0
