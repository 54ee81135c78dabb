package dao

import (
	"context"

	"github.com/beego/beego/v2/client/orm"
)

// Get reads one artifact: beego selects every column the model maps.
func Get(ctx context.Context, id int64) (*Artifact, error) {
	a := &Artifact{ID: id}
	if err := orm.NewOrm().ReadWithCtx(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}
