package handler

import (
	"example.com/hookhub/pkg/api/payload"
)

// Deliveries lists deliveries in the API's shape.
func Deliveries() []*payload.HookDelivery {
	return []*payload.HookDelivery{}
}
