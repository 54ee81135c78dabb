package model

import (
	"time"

	"github.com/beego/beego/v2/client/orm"
)

func init() {
	orm.RegisterModel(
		new(HookPolicy),
		new(HookDelivery),
		new(HookAttempt),
		&HookAudit{},
		new(HookRetry),
		new(HookSecret),
	)
}

// HookPolicy is read and written by the dao package.
type HookPolicy struct {
	ID        int64  `orm:"pk;auto;column(id)"`
	Name      string `orm:"column(name)"`
	TargetURL string `orm:"column(target_url)"`
	Enabled   bool   `orm:"column(enabled)"`
}

func (p *HookPolicy) TableName() string { return "hook_policy" }

// HookDelivery stays registered, but nothing reads or writes it since deliveries became tasks:
// registering it asks nothing of the database.
type HookDelivery struct {
	ID       int64     `orm:"pk;auto;column(id)"`
	PolicyID int64     `orm:"column(policy_id)"`
	Status   string    `orm:"column(status)"`
	SentAt   time.Time `orm:"column(sent_at)"`
}

func (d *HookDelivery) TableName() string { return "hook_delivery" }

// HookAttempt's table was dropped too, but the dao package still queries it.
type HookAttempt struct {
	ID         int64 `orm:"pk;auto;column(id)"`
	DeliveryID int64 `orm:"column(delivery_id)"`
	Code       int   `orm:"column(code)"`
}

// HookAudit is queried by its table's name only (QueryTable("hook_audit")).
type HookAudit struct {
	ID    int64  `orm:"pk;auto;column(id)"`
	Event string `orm:"column(event)"`
}

// HookRetry is built by a function of this package.
type HookRetry struct {
	ID        int64     `orm:"pk;auto;column(id)"`
	AttemptID int64     `orm:"column(attempt_id)"`
	DueAt     time.Time `orm:"column(due_at)"`
}

// NewRetry schedules another attempt.
func NewRetry(attemptID int64, after time.Duration) (int64, error) {
	return orm.NewOrm().Insert(&HookRetry{AttemptID: attemptID, DueAt: time.Now().Add(after)})
}

// HookSecret was planned, never migrated and never used: no column of it is asked for.
type HookSecret struct {
	ID    int64  `orm:"pk;auto;column(id)"`
	Value string `orm:"column(value)"`
}
