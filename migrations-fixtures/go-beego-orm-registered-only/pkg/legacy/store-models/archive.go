package storemodels

import "github.com/beego/beego/v2/client/orm"

func init() {
	orm.RegisterModel(new(HookArchive))
}

// HookArchive's package is not named after its folder: callers import it unaliased and write
// storemodels.HookArchive.
type HookArchive struct {
	ID      int64  `orm:"pk;auto;column(id)"`
	Payload string `orm:"column(payload)"`
}
