package migration

import (
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

var renameAgentSecret = xormigrate.Migration{
	ID: "rename-agent-secret",
	MigrateSession: func(sess *xorm.Session) error {
		_, err := sess.Exec("ALTER TABLE agents RENAME COLUMN secret TO token")
		return err
	},
}
