// Package orm is the project's layer over beego's orm.
package orm

import (
	"context"

	"github.com/beego/beego/v2/client/orm"
)

// RegisterModel registers the project's models with beego.
func RegisterModel(models ...any) {
	orm.RegisterModel(models...)
}

// QuerySetter starts a query of the model's table.
func QuerySetter(ctx context.Context, model any) orm.QuerySeter {
	return orm.NewOrm().QueryTable(model)
}

// Describe names a value in logs; it hands nothing to beego.
func Describe(model any) string {
	return "model"
}
