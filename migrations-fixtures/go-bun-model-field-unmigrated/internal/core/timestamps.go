// Package core holds what every stored record carries.
package core

import "time"

// Timestamps is embedded by every model; bun maps its fields as the model's own.
type Timestamps struct {
	CreatedAt time.Time `bun:"created_at,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:",nullzero"`
}
