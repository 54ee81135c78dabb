package audit

import (
	"context"

	"github.com/beego/beego/v2/client/orm"
)

// Record writes one audit row.
func Record(ctx context.Context, op, resource string) (int64, error) {
	return orm.NewOrm().InsertWithCtx(ctx, &AuditLog{Operation: op, Resource: resource})
}
