package audit

import (
	"time"

	"github.com/beego/beego/v2/client/orm"
)

func init() {
	orm.RegisterModelWithPrefix("hub_", new(AuditLog))
}

// AuditLog's table is hub_ + audit_log. OpTime has no column tag: beego snake-cases it.
type AuditLog struct {
	ID        int64     `orm:"pk;auto;column(id)"`
	Operation string    `orm:"column(operation)"`
	OpTime    time.Time
	Resource  string `orm:"column(resource)"`
}
