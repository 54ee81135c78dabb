module example.com/hookhub

go 1.22

require github.com/beego/beego/v2 v2.1.0
