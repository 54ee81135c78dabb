package store

import "github.com/ory/pop/v6"

// Conn is the connection every persister shares.
type Conn struct {
	*pop.Connection
}
