module example.com/notes

go 1.22

require (
	src.techknowlogick.com/xormigrate v1.7.1
	xorm.io/xorm v1.3.9
)
