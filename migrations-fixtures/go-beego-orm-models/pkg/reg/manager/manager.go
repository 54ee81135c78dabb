package manager

import (
	"context"

	"github.com/beego/beego/v2/client/orm"

	"example.com/registryhub/pkg/reg/dao"
	"example.com/registryhub/pkg/reg/model/tag"
)

// GetTag reads a tag, a model of another package that dao registers.
func GetTag(ctx context.Context, id int64) (*tag.Tag, error) {
	t := &tag.Tag{ID: id}
	err := orm.NewOrm().ReadWithCtx(ctx, t)
	return t, err
}

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
