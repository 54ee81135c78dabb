package dao

import "github.com/beego/beego/v2/client/orm"

func init() {
	orm.RegisterModel(
		new(Registry),
		&Label{},
		new(JobLog),
	)
}
