package dao

import (
	"github.com/beego/beego/v2/client/orm"

	"example.com/registryhub/pkg/reg/model/tag"
)

func init() {
	orm.RegisterModel(
		new(Registry),
		&Label{},
		new(JobLog),
		&tag.Tag{},
	)
}
