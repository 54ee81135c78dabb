package db

import "xorm.io/xorm"

var engine *xorm.Engine

// NewSession starts a session on the project's engine.
func NewSession() *xorm.Session {
	return engine.NewSession()
}
