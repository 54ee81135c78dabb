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

// ConnectorSummary is a projection read with Model(&ConnectorSummary{}).Table("connectors"):
// the chain names its table.
type ConnectorSummary struct {
	Name  string `gorm:"column:name"`
	Owner string `gorm:"column:owner"`
}
