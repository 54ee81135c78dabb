package main

import (
	"github.com/beego/beego/v2/client/orm"

	_ "example.com/registryhub/pkg/reg/dao"
)

// RunSyncdb creates each registered model's table and adds its missing columns at start-up:
// the models are then no requirement on the migrations.
func main() {
	if err := orm.RunSyncdb("default", false, true); err != nil {
		panic(err)
	}
}
