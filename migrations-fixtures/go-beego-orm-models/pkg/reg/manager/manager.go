package manager

import (
	"context"

	"github.com/beego/beego/v2/client/orm"

	"example.com/registryhub/pkg/reg/dao"
)

// Get reads a registry with its labels.
func Get(ctx context.Context, id int64) (*dao.Registry, error) {
	r := &dao.Registry{ID: id}
	o := orm.NewOrm()
	if err := o.ReadWithCtx(ctx, r); err != nil {
		return nil, err
	}
	var labels []*dao.Label
	if _, err := o.QueryTable(new(dao.Label)).Filter("registry_id", id).AllWithCtx(ctx, &labels); err != nil {
		return nil, err
	}
	r.Labels = labels
	return r, nil
}
