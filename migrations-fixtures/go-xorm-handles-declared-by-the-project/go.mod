module example.com/board

go 1.22

require (
	gorm.io/gorm v1.25.10
	xorm.io/xorm v1.3.9
)
