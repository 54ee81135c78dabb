package dao

import (
	"context"

	"github.com/beego/beego/v2/client/orm"

	"example.com/hookhub/pkg/legacy/store-models"
)

// delivered is what a sender reports; its HookDelivery field is an id, not the model.
type delivered struct {
	HookDelivery int64
	Payload      string
}

// Archive keeps the payload of a delivery.
func Archive(ctx context.Context, d *delivered) (int64, error) {
	if d.HookDelivery == 0 {
		return 0, nil
	}
	return orm.NewOrm().InsertWithCtx(ctx, &storemodels.HookArchive{Payload: d.Payload})
}
