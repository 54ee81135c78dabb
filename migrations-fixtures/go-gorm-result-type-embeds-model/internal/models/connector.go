package models

import "gorm.io/gorm"

type Connector struct {
	gorm.Model
	Name  string
	Owner string
}

// ConnectorWithConditions is a connector's row plus its status conditions, read through a join:
// it has no table of its own.
type ConnectorWithConditions struct {
	Connector
	Conditions []byte `gorm:"type:jsonb"`
}
