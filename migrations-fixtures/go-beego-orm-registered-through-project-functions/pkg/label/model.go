package label

import "example.com/scanhub/lib/orm"

func init() {
	orm.RegisterModel(&Label{})
}

// Label is only listed, through the project's QuerySetter, which hands its argument to beego in
// another package: no value of it reaches an orm operation in sight, so it is listed as
// unchecked, not required (color is in no migration).
type Label struct {
	ID    int64  `orm:"pk;auto;column(id)"`
	Name  string `orm:"column(name)"`
	Color string `orm:"column(color)"`
}
