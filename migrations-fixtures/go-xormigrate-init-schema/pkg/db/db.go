package db

import (
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

// Open connects and names tables and columns with Go initialisms kept together.
func Open(dsn string) (*xorm.Engine, error) {
	engine, err := xorm.NewEngine("postgres", dsn)
	if err != nil {
		return nil, err
	}
	engine.SetMapper(names.GonicMapper{})
	return engine, nil
}
