package dao

import (
	"testing"

	"github.com/beego/beego/v2/client/orm"

	"example.com/hookhub/pkg/hook/model"
)

// A test's use is not the deployed program's.
func TestSecretNeverMigrated(t *testing.T) {
	if _, err := orm.NewOrm().Insert(&model.HookSecret{Value: "s"}); err == nil {
		t.Fatal("hook_secret was never migrated")
	}
}
