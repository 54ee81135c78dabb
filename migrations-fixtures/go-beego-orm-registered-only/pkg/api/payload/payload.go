package payload

import (
	"time"

	"example.com/hookhub/pkg/hook/model"
)

// HookDelivery is the API's view of a delivery task: a type of this package, not the model.
type HookDelivery struct {
	ID     int64     `json:"id"`
	Status string    `json:"status"`
	SentAt time.Time `json:"sent_at"`
}

// FromPolicy renders a policy.
func FromPolicy(p *model.HookPolicy) map[string]any {
	return map[string]any{"id": p.ID, "name": p.Name}
}
