// Package model holds the stored records. They embed no bun.BaseModel and import nothing of
// bun: bun names each table from its type (Board -> boards, PinCategory -> pin_categories).
package model

import "time"

// Stamps is embedded by the records: its fields are theirs, it is no table.
type Stamps struct {
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:",nullzero"`
}
