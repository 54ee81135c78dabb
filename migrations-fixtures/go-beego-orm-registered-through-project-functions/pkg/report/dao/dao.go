package dao

import (
	"context"

	beego "github.com/beego/beego/v2/client/orm"
)

// Create inserts a report: beego writes every field of the model.
func Create(ctx context.Context, r *Report) (int64, error) {
	return beego.NewOrm().InsertWithCtx(ctx, r)
}
