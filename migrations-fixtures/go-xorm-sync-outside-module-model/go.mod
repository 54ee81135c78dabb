module example.com/tickets

go 1.22

require (
	github.com/casbin/xorm-adapter/v3 v3.1.0
	xorm.io/xorm v1.3.9
)
