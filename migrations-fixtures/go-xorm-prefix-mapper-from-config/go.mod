module example.com/identity

go 1.22

require (
	github.com/beego/beego/v2 v2.1.0
	xorm.io/xorm v1.3.9
)
