package store

import "time"

// Timestamps is embedded by the row types of this package.
type Timestamps struct {
	CreatedAt time.Time `db:"created_at"`
}
