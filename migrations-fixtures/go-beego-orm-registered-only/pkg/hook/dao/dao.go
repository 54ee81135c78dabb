package dao

import (
	"context"

	"github.com/beego/beego/v2/client/orm"

	hookmodel "example.com/hookhub/pkg/hook/model"
)

// GetPolicy reads one policy. (The HookDelivery rows it used to join are tasks now.)
func GetPolicy(ctx context.Context, id int64) (*hookmodel.HookPolicy, error) {
	p := &hookmodel.HookPolicy{ID: id}
	if err := orm.NewOrm().ReadWithCtx(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// ListAttempts still reads the attempts of a delivery.
func ListAttempts(ctx context.Context, deliveryID int64) ([]*hookmodel.HookAttempt, error) {
	var attempts []*hookmodel.HookAttempt
	_, err := orm.NewOrm().QueryTable(new(hookmodel.HookAttempt)).Filter("delivery_id", deliveryID).AllWithCtx(ctx, &attempts)
	return attempts, err
}

// CountAudits counts the audit rows of an event.
func CountAudits(ctx context.Context, event string) (int64, error) {
	return orm.NewOrm().QueryTable("hook_audit").Filter("event", event).CountWithCtx(ctx)
}

// kinds names the old models in text only: "HookDelivery", "HookSecret".
var kinds = []string{"HookDelivery", "HookSecret"}
