package storage

import "github.com/gobuffalo/pop/v6"

// Connection is the handle every model function takes.
type Connection struct {
	*pop.Connection
}
