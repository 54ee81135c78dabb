module example.com/ledger

go 1.22

require (
	github.com/go-gormigrate/gormigrate/v2 v2.1.2
	gorm.io/gorm v1.25.10
)
