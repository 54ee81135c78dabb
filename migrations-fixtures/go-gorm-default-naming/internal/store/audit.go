package store

import "gorm.io/gorm"

// AuditEntry's table is created by AutoMigrate when the server starts.
type AuditEntry struct {
	gorm.Model
	Actor  string
	Action string
}

// Models lists what the server migrates at start-up.
var Models = []interface{}{&AuditEntry{}}
