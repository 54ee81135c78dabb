module example.com/badges

go 1.22

require xorm.io/xorm v1.3.9
